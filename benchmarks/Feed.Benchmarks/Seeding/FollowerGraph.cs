using System.Collections.Immutable;
using System.Diagnostics;
using Instagram.Grains.Identity;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// One author with many followers (who follow nobody else), a week of the author's earlier posts, and
/// ready images for the posts the benchmark will publish through the API. Rows are generated as they are
/// written, so a million followers cost a million IDs in memory, not a million objects.
/// </summary>
/// <param name="UnpostedMediaIds">The author's ready images no post uses yet: one per post the benchmark publishes.</param>
/// <param name="UsersTime">Time to insert the users rows (the author and every follower).</param>
/// <param name="RestTime">Time to insert the author's media and earlier posts.</param>
internal sealed record FollowerGraph(
    long AuthorId, long[] FollowerIds, ImmutableArray<long> UnpostedMediaIds, TimeSpan UsersTime, TimeSpan FollowsTime, TimeSpan RestTime)
{
    private const int EarlierPosts = 10;

    public static async Task<FollowerGraph> SeedAsync(ProductTables tables, SnowflakeIdGenerator ids, int followers, int postsToPublish, int seed, string prefix)
    {
        var random = new Random(seed);
        var images = new ReadyImages(random);
        var captions = new Captions(random);
        var now = DateTimeOffset.UtcNow;

        // Followers get their IDs in the order of their usernames, so the users table's three unique indexes
        // (ID, username, email) all grow at their right edge: a million rows insert in seconds, not minutes
        // of random B-tree page updates.
        var authorId = ids.NextId();
        var names = Enumerable.Range(0, followers).Select(i => Usernames.For(prefix, i)).OrderBy(n => n.Username, StringComparer.Ordinal).ToArray();
        var followerIds = new long[followers];
        for (var i = 0; i < followerIds.Length; i++)
        {
            followerIds[i] = ids.NextId();
        }

        var avatar = images.Create(ids.NextId(), authorId, now.AddDays(-60));
        var earlier = Enumerable.Range(0, EarlierPosts).Select(i => now.AddDays(-7 + (0.7 * i))).Select(at =>
        {
            var media = images.Create(ids.NextId(), authorId, at.AddMinutes(-5));
            return (Media: media, Post: new SeedPost(ids.NextId(), authorId, [media.MediaId], captions.Next([]), captions.NextPlace(), 0, at));
        }).ToList();
        var unposted = Enumerable.Range(0, postsToPublish).Select(_ => images.Create(ids.NextId(), authorId, now)).ToList();

        var clock = Stopwatch.StartNew();
        var (authorName, authorDisplay) = Usernames.For(prefix + "author", 0);
        var author = new SeedUser(authorId, authorName, authorDisplay, avatar.MediaId, followers, 0, EarlierPosts, now.AddDays(-400));
        await tables.UsersAsync(followerIds
            .Select((id, i) => new SeedUser(id, names[i].Username, names[i].DisplayName, null, 0, 1, 0, now.AddDays(-30)))
            .Prepend(author));
        var usersTime = clock.Elapsed;

        clock.Restart();
        await tables.FollowsAsync(followerIds.Select(id => new SeedFollow(id, authorId, now.AddDays(-20))));
        var followsTime = clock.Elapsed;

        clock.Restart();
        await tables.MediaAsync(earlier.Select(e => e.Media).Concat(unposted).Prepend(avatar));
        await tables.PostsAsync(earlier.Select(e => e.Post).ToList());
        return new FollowerGraph(authorId, followerIds, [.. unposted.Select(m => m.MediaId)], usersTime, followsTime, clock.Elapsed);
    }
}
