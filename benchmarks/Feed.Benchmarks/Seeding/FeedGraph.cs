using System.Collections.Immutable;
using Instagram.Grains.Identity;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// The feed benchmarks' world: authors with published posts spread over the last week, readers following
/// a random set of them, a few likes and saves by each reader. Every random choice comes from one seeded
/// generator, so two runs build the same graph (with fresh IDs).
/// </summary>
internal sealed record FeedGraph(ImmutableArray<long> ReaderIds, int Authors, int Posts, int Media, int Follows, int Likes, int Saves)
{
    private const int LikesPerReader = 20;
    private const int SavesPerReader = 3;

    public string Describe() =>
        $"{Authors:N0} authors, {Posts:N0} posts ({Media:N0} images incl. avatars), {ReaderIds.Length:N0} readers, {Follows:N0} follows, {Likes:N0} likes, {Saves:N0} saves";

    /// <summary>Generates the graph and writes it into the app's tables.</summary>
    public static async Task<FeedGraph> SeedAsync(ProductTables tables, SnowflakeIdGenerator ids, FeedBenchmarkOptions options)
    {
        var random = new Random(options.Seed);
        var images = new ReadyImages(random);
        var captions = new Captions(random);
        var now = DateTimeOffset.UtcNow;

        // IDs come from the app's generator in creation order: users, then avatars, then each post's media and
        // the post itself, oldest post first. So ordering by ID orders by creation time, as the app's IDs do.
        var authorIds = Enumerable.Range(0, options.Authors).Select(_ => ids.NextId()).ToArray();
        var readerIds = Enumerable.Range(0, options.Readers).Select(_ => ids.NextId()).ToImmutableArray();
        var authorNames = authorIds.Select((_, i) => Usernames.For("a", i)).ToArray();
        var avatars = authorIds.Select(id => images.Create(ids.NextId(), id, now.AddDays(-random.Next(8, 60)))).ToList();

        // Each reader follows options.Follows distinct authors.
        var follows = new List<SeedFollow>(readerIds.Length * options.Follows);
        var followed = new Dictionary<long, int[]>();
        var followerCounts = new int[authorIds.Length];
        var order = Enumerable.Range(0, authorIds.Length).ToArray();
        foreach (var readerId in readerIds)
        {
            random.Shuffle(order);
            followed[readerId] = order[..options.Follows];
            foreach (var author in followed[readerId])
            {
                followerCounts[author]++;
                follows.Add(new SeedFollow(readerId, authorIds[author], now.AddDays(-random.Next(8, 30)).AddMinutes(random.Next(1440))));
            }
        }

        // Posts: about PostsPerAuthor each (±20 %), at random moments of the last seven days.
        var drafts = new List<(int Author, DateTimeOffset At)>();
        var postsByAuthor = new List<long>[authorIds.Length];
        for (var author = 0; author < authorIds.Length; author++)
        {
            postsByAuthor[author] = [];
            var count = Math.Max(1, (int)Math.Round(options.PostsPerAuthor * (0.8 + (0.4 * random.NextDouble()))));
            for (var i = 0; i < count; i++)
            {
                drafts.Add((author, now.AddSeconds(-random.Next(7 * 24 * 3600))));
            }
        }

        var postMedia = new List<SeedMedia>();
        var posts = new List<(long PostId, int Author, ImmutableArray<long> Media, DateTimeOffset At)>();
        foreach (var (author, at) in drafts.OrderBy(d => d.At))
        {
            // One photo mostly, sometimes a carousel of two or three.
            var mediaCount = random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
            var media = Enumerable.Range(0, mediaCount).Select(_ => images.Create(ids.NextId(), authorIds[author], at.AddMinutes(-5))).ToList();
            postMedia.AddRange(media);
            var postId = ids.NextId();
            posts.Add((postId, author, [.. media.Select(m => m.MediaId)], at));
            postsByAuthor[author].Add(postId);
        }

        // Likes and saves of posts the reader sees in their feed.
        var likes = Marks(readerIds, followed, postsByAuthor, LikesPerReader, random, now);
        var saves = Marks(readerIds, followed, postsByAuthor, SavesPerReader, random, now);
        var likeCounts = likes.GroupBy(l => l.PostId).ToDictionary(g => g.Key, g => (long)g.Count());

        var friends = authorNames.Select(n => n.Username).ToArray();
        var seedPosts = posts.Select(p => new SeedPost(
            p.PostId, authorIds[p.Author], p.Media, captions.Next(friends), captions.NextPlace(), likeCounts.GetValueOrDefault(p.PostId), p.At)).ToList();

        var users = authorIds.Select((id, i) => new SeedUser(
                id, authorNames[i].Username, authorNames[i].DisplayName, avatars[i].MediaId, followerCounts[i], 0, postsByAuthor[i].Count, now.AddDays(-90)))
            .Concat(readerIds.Select((id, i) =>
            {
                var (username, display) = Usernames.For("r", i);
                return new SeedUser(id, username, display, null, 0, options.Follows, 0, now.AddDays(-90));
            }));

        await tables.UsersAsync(users);
        await tables.MediaAsync(avatars.Concat(postMedia));
        await tables.FollowsAsync(follows);
        await tables.PostsAsync(seedPosts);
        await tables.LikesAsync(likes);
        await tables.SavesAsync(saves);
        await tables.AnalyzeAsync();
        return new FeedGraph(readerIds, authorIds.Length, seedPosts.Count, avatars.Count + postMedia.Count, follows.Count, likes.Count, saves.Count);
    }

    private static List<SeedMark> Marks(
        ImmutableArray<long> readerIds, Dictionary<long, int[]> followed, List<long>[] postsByAuthor, int perReader, Random random, DateTimeOffset now)
    {
        var marks = new List<SeedMark>();
        foreach (var readerId in readerIds)
        {
            var chosen = new HashSet<long>();
            for (var i = 0; i < perReader; i++)
            {
                var authorPosts = postsByAuthor[followed[readerId][random.Next(followed[readerId].Length)]];
                chosen.Add(authorPosts[random.Next(authorPosts.Count)]);
            }

            marks.AddRange(chosen.Select(postId => new SeedMark(readerId, postId, now.AddMinutes(-random.Next(1, 600)))));
        }

        return marks;
    }
}
