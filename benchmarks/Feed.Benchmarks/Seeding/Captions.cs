using Instagram.Grains.Posts;

namespace Feed.Benchmarks.Seeding;

/// <summary>Captions of the length and shape people write: a sentence or two, a hashtag or two, now and then a mention or a place.</summary>
internal sealed class Captions(Random random)
{
    private static readonly string[] Openings =
    [
        "Golden hour never gets old", "Sunday morning coffee and no plans", "Finally made it to the top", "Best pasta I have had all year",
        "Throwback to the summer that would not end", "New week, new light", "Rainy days call for long walks", "Found this little corner of the city",
        "The view was worth every step", "Weekend mood, all day", "Trying the recipe grandma never wrote down", "First snow of the season",
        "Back where it all started", "Small things, big smiles", "Late night in the studio", "Road trip, day three",
    ];

    private static readonly string[] Middles =
    [
        "", " — can't wait to go back.", ". Swipe for the details.", ". Who's coming next time?", " and the light was just perfect.",
        ". Still thinking about it.", ". No filter needed.", " with the best people.",
    ];

    private static readonly string[] Hashtags =
    [
        "sunset", "travel", "foodie", "coffee", "nature", "photography", "weekend", "citylife", "hiking", "friends",
        "homemade", "streetphotography", "beach", "mountains", "goodvibes", "architecture", "instafood", "wanderlust",
    ];

    private static readonly PostLocation[] Places =
    [
        new(48.8584, 2.2945, "Eiffel Tower"), new(40.7829, -73.9654, "Central Park"), new(51.5007, -0.1246, "Westminster"),
        new(41.4036, 2.1744, "Sagrada Família"), new(35.6595, 139.7005, "Shibuya Crossing"), new(-33.8568, 151.2153, "Sydney Opera House"),
        new(52.5163, 13.3777, "Brandenburger Tor"), new(38.7139, -9.1335, "Alfama, Lisboa"),
    ];

    /// <param name="friends">Usernames that may be mentioned.</param>
    public string Next(IReadOnlyList<string> friends)
    {
        var caption = Openings[random.Next(Openings.Length)] + Middles[random.Next(Middles.Length)];
        if (friends.Count > 0 && random.Next(5) == 0)
        {
            caption += $" with @{friends[random.Next(friends.Count)]}";
        }

        var first = random.Next(Hashtags.Length);
        caption += " #" + Hashtags[first];
        if (random.Next(2) == 0)
        {
            caption += " #" + Hashtags[(first + 1 + random.Next(Hashtags.Length - 1)) % Hashtags.Length];
        }

        return caption;
    }

    /// <summary>A place for about one post in four.</summary>
    public PostLocation? NextPlace() => random.Next(4) == 0 ? Places[random.Next(Places.Length)] : null;
}
