using System.Net;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>The follow graph over HTTP, on SQLite (embedded) and on PostgreSQL.</summary>
public abstract class FollowGraphSpecification : IAsyncLifetime
{
    private EmbeddedApi _api = null!;

    protected EmbeddedApi Api => _api;

    protected abstract Task<IReadOnlyDictionary<string, string>> SettingsAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _api = new EmbeddedApi(await SettingsAsync());

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await CleanUpAsync();
    }

    [Fact]
    public async Task Following_is_idempotent_and_changes_both_counters_and_the_relationship_flags()
    {
        using var alice = await Api.RegisterAsync("alice");
        using var bob = await Api.RegisterAsync("bob");

        var first = await alice.FollowAsync(bob);
        var again = await alice.FollowAsync(bob);

        Assert.True(first.GetProperty("following").GetBoolean());
        Assert.Equal(1, first.GetProperty("follower_count").GetInt64());
        Assert.Equal(1, again.GetProperty("follower_count").GetInt64());
        var bobSeenByAlice = await alice.ProfileAsync(bob);
        Assert.Equal(1, bobSeenByAlice.GetProperty("follower_count").GetInt64());
        Assert.True(bobSeenByAlice.GetProperty("is_following").GetBoolean());
        var aliceSeenByBob = await bob.ProfileAsync(alice);
        Assert.Equal(1, aliceSeenByBob.GetProperty("following_count").GetInt64());
        Assert.True(aliceSeenByBob.GetProperty("follows_you").GetBoolean());

        var unfollowed = await alice.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/{bob.UserId}/follow");
        Assert.False(unfollowed.GetProperty("following").GetBoolean());
        Assert.Equal(0, unfollowed.GetProperty("follower_count").GetInt64());
        Assert.Equal(0, (await bob.ProfileAsync(alice)).GetProperty("following_count").GetInt64());
    }

    [Fact]
    public async Task A_private_account_approves_followers_before_they_see_its_connections()
    {
        using var owner = await Api.RegisterAsync("owner");
        using var fan = await Api.RegisterAsync("fan");
        using var rejected = await Api.RegisterAsync("rejected");
        await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/v1/users/me") { Content = System.Net.Http.Json.JsonContent.Create(new { is_private = true }) });

        var requested = await fan.FollowAsync(owner);
        await rejected.FollowAsync(owner);
        Assert.False(requested.GetProperty("following").GetBoolean());
        Assert.True(requested.GetProperty("requested").GetBoolean());
        Assert.True((await fan.ProfileAsync(owner)).GetProperty("follow_requested").GetBoolean());
        using (var hidden = await fan.Client.GetAsync($"/api/v1/users/{owner.UserId}/followers"))
        {
            await hidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal([rejected.UserId, fan.UserId], await owner.ListAsync("/api/v1/follow-requests"));
        await owner.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/follow-requests/{fan.UserId}/approve", HttpStatusCode.NoContent);
        await owner.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/follow-requests/{rejected.UserId}/deny", HttpStatusCode.NoContent);
        await owner.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/follow-requests/{rejected.UserId}/approve", HttpStatusCode.NotFound);

        Assert.Equal([fan.UserId], await fan.ListAsync($"/api/v1/users/{owner.UserId}/followers"));
        Assert.Empty(await owner.ListAsync("/api/v1/follow-requests"));
        Assert.Equal(1, (await owner.ProfileAsync(owner)).GetProperty("follower_count").GetInt64());
        using var stillHidden = await rejected.Client.GetAsync($"/api/v1/users/{owner.UserId}/following");
        await stillHidden.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_block_removes_follows_both_ways_and_hides_each_from_the_other()
    {
        using var blocker = await Api.RegisterAsync("blocker");
        using var pest = await Api.RegisterAsync("pest");
        await blocker.FollowAsync(pest);
        await pest.FollowAsync(blocker);

        await blocker.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{pest.UserId}/block", HttpStatusCode.NoContent);

        var own = await blocker.ProfileAsync(blocker);
        Assert.Equal((0L, 0L), (own.GetProperty("follower_count").GetInt64(), own.GetProperty("following_count").GetInt64()));
        await pest.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{blocker.Username}", HttpStatusCode.NotFound);
        await pest.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{blocker.UserId}/follow", HttpStatusCode.NotFound);
        await blocker.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{pest.UserId}/follow", HttpStatusCode.NotFound);
        await pest.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{blocker.UserId}/followers", HttpStatusCode.NotFound);

        await blocker.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/users/{pest.UserId}/block", HttpStatusCode.NoContent);
        await pest.ProfileAsync(blocker);
    }

    [Fact]
    public async Task Follower_pages_are_stable_while_new_followers_arrive()
    {
        using var star = await Api.RegisterAsync("star");
        var fans = new List<TestUser>();
        for (var i = 0; i < 25; i++)
        {
            fans.Add(await Api.RegisterAsync($"fan{i:00}"));
            await fans[^1].FollowAsync(star);
        }

        var first = await star.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{star.UserId}/followers?limit=10");
        using var late = await Api.RegisterAsync("latecomer");
        await late.FollowAsync(star); // arrives at the head: must not shift the next page
        var second = await star.Client.SendJsonAsync(HttpMethod.Get,
            $"/api/v1/users/{star.UserId}/followers?limit=10&cursor={Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!)}");

        var firstIds = first.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!).ToList();
        var secondIds = second.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!).ToList();
        var newestFirst = fans.Select(f => f.UserId).Reverse().ToList();
        Assert.Equal(newestFirst[..10], firstIds);
        Assert.Equal(newestFirst[10..20], secondIds);
        Assert.Equal(26, (await star.ListAsync($"/api/v1/users/{star.UserId}/followers")).Distinct().Count());
        fans.ForEach(f => f.Dispose());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=51")]
    [InlineData("limit=99999999999999")]
    [InlineData("limit=ten")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Absurd_limits_and_cursors_are_400(string query)
    {
        using var user = await Api.RegisterAsync("pager");

        using var response = await user.Client.GetAsync($"/api/v1/users/{user.UserId}/followers?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Concurrent_follows_of_one_user_count_exactly()
    {
        using var target = await Api.RegisterAsync("popular");
        var followers = new List<TestUser>();
        for (var i = 0; i < 40; i++)
        {
            followers.Add(await Api.RegisterAsync($"follower{i:00}"));
        }

        await Task.WhenAll(followers.Select(async f =>
        {
            await f.FollowAsync(target);
            await f.FollowAsync(target); // and again: still one edge
        }));

        Assert.Equal(40, (await target.ProfileAsync(target)).GetProperty("follower_count").GetInt64());
        Assert.Equal(40, (await target.ListAsync($"/api/v1/users/{target.UserId}/followers")).Count);
        followers.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Following_oneself_or_an_unknown_user_is_refused()
    {
        using var narcissus = await Api.RegisterAsync("narcissus");

        await narcissus.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{narcissus.UserId}/follow", HttpStatusCode.UnprocessableEntity);
        await narcissus.Client.SendJsonAsync(HttpMethod.Post, "/api/v1/users/123456789/follow", HttpStatusCode.NotFound);
        await narcissus.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/nobody-here", HttpStatusCode.NotFound);
    }
}

public sealed class FollowGraphOnSqlite : FollowGraphSpecification
{
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

public sealed class FollowGraphOnPostgres : FollowGraphSpecification
{
    private TemporaryPostgresSchema? _schema;

    protected override async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
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
