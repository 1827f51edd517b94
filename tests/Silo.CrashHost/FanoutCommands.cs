using System.Globalization;
using Instagram.Grains.Feed;
using Instagram.Grains.Posts;
using Instagram.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace Silo.CrashHost;

/// <summary>
/// A fan-out to be interrupted: an author (user 1) with followers 1001, 1002, …, each of whose timelines is
/// stored before the post (so a timeline that missed the push cannot recover the post by rebuilding itself:
/// only the redelivered fan-out can bring it).
/// </summary>
internal static class FanoutCommands
{
    private const long AuthorId = 1;
    private const long FirstFollowerId = 1001;
    private const long SeedPostId = 1;

    public static async Task SeedAsync(IHost host, string[] args)
    {
        var followers = int.Parse(args[0], CultureInfo.InvariantCulture);
        var database = DatabaseOf(host);
        await database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await InsertUserAsync(connection, transaction, AuthorId, followers: followers, following: 0, ct);
                foreach (var follower in Followers(followers))
                {
                    await InsertUserAsync(connection, transaction, follower, followers: 0, following: 1, ct);
                    await using var follow = connection.CreateCommand("INSERT INTO follows (follower_id, followee_id, created_at) VALUES (@a, @b, 0)", transaction)
                        .With("@a", follower).With("@b", AuthorId);
                    await follow.ExecuteNonQueryAsync(ct);
                }

                return 0;
            },
            CancellationToken.None);

        // A rebuilt timeline is stored only with its next change, so each gets one: an entry of an older post
        // (ID 1, never read), stored before AddAsync returns.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        foreach (var batch in Followers(followers).Chunk(500))
        {
            await Task.WhenAll(batch.Select(id => grains.GetGrain<ITimelineGrain>(id).AddAsync([new FeedEntry(SeedPostId, AuthorId)])));
        }

        await host.StopAsync();
        Console.Out.WriteLine("seeded");
    }

    public static async Task PublishAsync(IHost host, string[] args)
    {
        var postId = long.Parse(args[0], CultureInfo.InvariantCulture);
        var posts = host.Services.GetRequiredService<IPostStore>();
        var post = new PostInfo(postId, AuthorId, [1], "crash me", [], [], null, [], PostStatus.Processing, 0, 0, DateTimeOffset.UtcNow);
        await posts.InsertAsync(post, CancellationToken.None);
        await posts.SettleAsync(post, PostStatus.Published, CancellationToken.None); // marks its fan-out pending with the status

        // The post's grain finds its fan-out pending on activation and hands it over to the author's fan-out grain.
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IPostGrain>(postId).GetAsync();
        Console.Out.WriteLine("published");
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task AwaitAsync(IHost host, string[] args)
    {
        var (followers, postId) = (int.Parse(args[0], CultureInfo.InvariantCulture), long.Parse(args[1], CultureInfo.InvariantCulture));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var missing = Followers(followers).ToList();
        var giveUpAt = DateTime.UtcNow.AddMinutes(1);
        while (missing.Count > 0 && DateTime.UtcNow < giveUpAt)
        {
            var has = await Task.WhenAll(missing.Select(id => HasAsync(grains, id, postId)));
            missing = [.. missing.Where((_, i) => !has[i])];
            await Task.Delay(missing.Count > 0 ? 50 : 0);
        }

        Console.Out.WriteLine($"reached {followers - missing.Count} of {followers}");
        await host.StopAsync();
    }

    private static IEnumerable<long> Followers(int count) => Enumerable.Range(0, count).Select(i => FirstFollowerId + i);

    private static async Task<bool> HasAsync(IGrainFactory grains, long followerId, long postId) =>
        (await grains.GetGrain<ITimelineGrain>(followerId).GetPageAsync(null, 1)).Items is [{ } newest] && newest.PostId == postId;

    private static RelationalDatabase DatabaseOf(IHost host) => host.Services.GetRequiredService<RelationalDatabase>();

    private static async ValueTask InsertUserAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long userId, int followers, int following, CancellationToken ct)
    {
        var name = "user" + userId.ToString(CultureInfo.InvariantCulture);
        await using var insert = connection.CreateCommand(
            """
            INSERT INTO users (user_id, username, username_key, email_key, password_hash, display_name, bio, follower_count, following_count, post_count, created_at)
            VALUES (@id, @name, @name, @email, 'not a hash', @name, '', @followers, @following, 0, 0)
            """, transaction)
            .With("@id", userId).With("@name", name).With("@email", name + "@example.com").With("@followers", followers).With("@following", following);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
