using System.Globalization;
using System.Net;
using ApiFrontend.Tests.Infrastructure;
using Instagram.Grains.Feed;
using Instagram.Silo.Hosting;
using Instagram.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>
/// The hybrid fan-out home feed over HTTP: pushed posts, celebrity posts pulled on read, stable cursors,
/// follow and unfollow, deletion and authors crossing the celebrity threshold (set to 3 followers here).
/// </summary>
public abstract class FeedSpecification : IAsyncLifetime
{
    private const int Threshold = 3;

    private readonly SampleMedia _samples = new();
    private readonly TestDirectory _data = new("feed-tests");
    private Dictionary<string, string> _settings = null!;
    private EmbeddedApi _api = null!;

    protected EmbeddedApi Api => _api;

    private IGrainFactory Grains => _api.Services.GetRequiredService<IGrainFactory>();

    protected abstract Task<Dictionary<string, string>> SettingsAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _settings = await SettingsAsync();
        _settings["Feed:CelebrityThreshold"] = Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Storage:DataDirectory"] = _data.Path;
        _api = new EmbeddedApi(_settings);
    }

    /// <summary>Stops the app gracefully and starts it again on the same data: every grain starts from what was stored.</summary>
    private async Task RestartAsync()
    {
        await _api.DisposeAsync();
        _api = new EmbeddedApi(_settings);
    }

    /// <summary>The same user, calling the restarted app with the same token.</summary>
    private TestUser Reconnect(TestUser user)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        return user with { Client = client };
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await CleanUpAsync();
        _samples.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_post_is_pushed_to_followers_feeds_and_the_authors_own()
    {
        using var author = await Api.RegisterAsync("writer");
        using var follower = await Api.RegisterAsync("reader");
        using var stranger = await Api.RegisterAsync("stranger");
        await follower.FollowAsync(author);

        var postId = await _samples.PublishedPostAsync(author);

        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the follower's feed");
        await Eventually.TrueAsync(async () => (await author.FeedPageAsync()).PostIds.Contains(postId), "and the author's own");
        Assert.Empty((await stranger.FeedPageAsync()).PostIds);
    }

    [Fact]
    public async Task A_celebritys_post_is_pulled_into_followers_feeds_on_read()
    {
        using var star = await Api.RegisterAsync("star");
        var fans = new List<TestUser>();
        for (var i = 0; i < Threshold; i++)
        {
            fans.Add(await Api.RegisterAsync($"fan{i}"));
            await fans[^1].FollowAsync(star);
        }

        var postId = await _samples.PublishedPostAsync(star);

        foreach (var fan in fans)
        {
            await Eventually.TrueAsync(async () => (await fan.FeedPageAsync()).PostIds.Contains(postId), $"{fan.Username} sees the celebrity's post");
        }

        fans.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Feed_pages_are_newest_first_and_stable_while_new_posts_arrive()
    {
        using var author = await Api.RegisterAsync("prolific");
        using var follower = await Api.RegisterAsync("scroller");
        await follower.FollowAsync(author);
        var posts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            posts.Add(await _samples.PublishedPostAsync(author));
        }

        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Count == 5, "all five posts are in the feed");
        var (first, next) = await follower.FeedPageAsync(limit: 2);
        var newest = await _samples.PublishedPostAsync(author); // arrives at the head
        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Contains(newest), "the new post is in the feed");
        var (second, _) = await follower.FeedPageAsync(limit: 2, cursor: next);

        posts.Reverse();
        Assert.Equal(posts[..2], first);
        Assert.Equal(posts[2..4], second);
    }

    [Fact]
    public async Task Following_backfills_recent_posts_and_unfollowing_removes_them()
    {
        using var author = await Api.RegisterAsync("earlybird");
        using var latecomer = await Api.RegisterAsync("latecomer");
        var postId = await _samples.PublishedPostAsync(author);

        await latecomer.FollowAsync(author);
        Assert.Contains(postId, (await latecomer.FeedPageAsync()).PostIds);

        await latecomer.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/{author.UserId}/follow");
        Assert.DoesNotContain(postId, (await latecomer.FeedPageAsync()).PostIds);
    }

    [Fact]
    public async Task A_deleted_post_is_in_no_feed_once_the_delete_returns()
    {
        using var author = await Api.RegisterAsync("regretful");
        using var follower = await Api.RegisterAsync("witness");
        await follower.FollowAsync(author);
        var postId = await _samples.PublishedPostAsync(author);
        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the feed");

        await author.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}", HttpStatusCode.NoContent);

        Assert.DoesNotContain(postId, (await follower.FeedPageAsync()).PostIds);
        Assert.DoesNotContain(postId, (await author.FeedPageAsync()).PostIds);
    }

    [Fact]
    public async Task An_author_crossing_the_threshold_either_way_keeps_every_followers_feed_whole()
    {
        using var author = await Api.RegisterAsync("rising");
        var fans = new List<TestUser>();
        for (var i = 0; i < Threshold - 1; i++)
        {
            fans.Add(await Api.RegisterAsync($"early{i}"));
            await fans[^1].FollowAsync(author);
        }

        var pushed = await _samples.PublishedPostAsync(author); // below the threshold: pushed
        fans.Add(await Api.RegisterAsync("tipping"));
        await fans[^1].FollowAsync(author);
        var pulled = await _samples.PublishedPostAsync(author); // at the threshold: pulled
        foreach (var fan in fans)
        {
            await Eventually.TrueAsync(async () => (await fan.FeedPageAsync()).PostIds.Intersect([pushed, pulled]).Count() == 2, $"{fan.Username} sees both posts");
        }

        await fans[^1].Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/{author.UserId}/follow"); // back below
        var pushedAgain = await _samples.PublishedPostAsync(author);
        foreach (var fan in fans[..^1])
        {
            await Eventually.TrueAsync(async () => (await fan.FeedPageAsync()).PostIds.Contains(pushedAgain), $"{fan.Username} gets the new post");
        }

        // After a restart nothing is cached: the author is no longer pulled, so the post made while pulled
        // must have been pushed into the timelines when the author fell below the threshold.
        await RestartAsync();
        foreach (var fan in fans[..^1])
        {
            using var again = Reconnect(fan);
            Assert.Equal(3, (await again.FeedPageAsync()).PostIds.Intersect([pushed, pulled, pushedAgain]).Count());
        }

        fans.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task A_push_arriving_after_an_unfollow_is_refused_until_the_author_is_followed_again()
    {
        using var author = await Api.RegisterAsync("lingering");
        using var follower = await Api.RegisterAsync("leaver");
        await follower.FollowAsync(author);
        var postId = await _samples.PublishedPostAsync(author);
        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the feed");
        await follower.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/{author.UserId}/follow");

        // A fan-out that read its follower batch before the unfollow delivers only now.
        var entry = new FeedEntry(long.Parse(postId, CultureInfo.InvariantCulture), long.Parse(author.UserId, CultureInfo.InvariantCulture));
        await Grains.GetGrain<ITimelineGrain>(long.Parse(follower.UserId, CultureInfo.InvariantCulture)).AddAsync([entry]);
        Assert.DoesNotContain(postId, (await follower.FeedPageAsync()).PostIds);

        await follower.FollowAsync(author);
        Assert.Contains(postId, (await follower.FeedPageAsync()).PostIds);
    }

    [Fact]
    public async Task A_timeline_whose_stored_state_is_lost_is_rebuilt_from_the_follow_graph()
    {
        using var author = await Api.RegisterAsync("steady");
        using var other = await Api.RegisterAsync("another");
        using var follower = await Api.RegisterAsync("forgetful");
        await follower.FollowAsync(author);
        await follower.FollowAsync(other);
        var posts = new[] { await _samples.PublishedPostAsync(author), await _samples.PublishedPostAsync(other), await _samples.PublishedPostAsync(author) };
        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Count == 3, "the posts reach the feed");

        await RestartAsync(); // every timeline written back and deactivated
        var database = Api.Services.GetRequiredService<RelationalDatabase>();
        var table = database.Dialect == "postgres" ? "orleans_grain_state" : "grain_state"; // Orleans' ADO.NET provider's, or ours
        var lost = await database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var delete = connection.CreateCommand($"DELETE FROM {table} WHERE state_name = 'timeline'", transaction);
                return await delete.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None);
        Assert.True(lost > 0);

        using var again = Reconnect(follower);
        Assert.Equal(posts.Reverse(), (await again.FeedPageAsync()).PostIds);
    }

    [Fact]
    public async Task A_block_takes_the_blocked_authors_posts_out_of_the_feed()
    {
        using var author = await Api.RegisterAsync("blockee");
        using var follower = await Api.RegisterAsync("blocker2");
        await follower.FollowAsync(author);
        var postId = await _samples.PublishedPostAsync(author);
        await Eventually.TrueAsync(async () => (await follower.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the feed");

        await follower.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{author.UserId}/block", HttpStatusCode.NoContent);

        Assert.DoesNotContain(postId, (await follower.FeedPageAsync()).PostIds);
    }
}

public sealed class FeedOnSqlite : FeedSpecification
{
    protected override Task<Dictionary<string, string>> SettingsAsync() => Task.FromResult(new Dictionary<string, string>());
}

public sealed class FeedOnPostgres : FeedSpecification
{
    private TemporaryPostgresSchema? _schema;

    protected override async Task<Dictionary<string, string>> SettingsAsync()
    {
        _schema = await TemporaryPostgresSchema.CreateAsync();
        return new Dictionary<string, string> { ["Storage:PostgresConnectionString"] = _schema.ConnectionString };
    }

    protected override async Task CleanUpAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
