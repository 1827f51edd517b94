using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>Posts over HTTP: two-phase publishing, visibility, likes, comments, saves, deletion — on SQLite and PostgreSQL.</summary>
public abstract class PostSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private EmbeddedApi _api = null!;

    protected EmbeddedApi Api => _api;

    protected abstract Task<IReadOnlyDictionary<string, string>> SettingsAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _api = new EmbeddedApi(await SettingsAsync());

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await CleanUpAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task A_post_of_ready_media_is_published_and_reads_back_hydrated()
    {
        using var author = await Api.RegisterAsync("author");
        using var reader = await Api.RegisterAsync("reader");
        var mediaId = await ReadyPhotoAsync(author);

        var created = await CreatePostAsync(author, new { media_ids = new[] { mediaId }, caption = "Sunset with @reader #Beach #sunset #beach", location = new { lat = 48.85, lng = 2.35, name = "Paris" } });
        var postId = created.GetProperty("post_id").GetString()!;
        var post = await Eventually.ValueAsync(() => reader.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}"), p => p.ValueKind == JsonValueKind.Object, "the post is visible");

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Equal(author.UserId, post.GetProperty("user").GetProperty("user_id").GetString());
        Assert.Equal("author", post.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal(["beach", "sunset"], post.GetProperty("hashtags").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["reader"], post.GetProperty("mentions").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("Paris", post.GetProperty("location").GetProperty("name").GetString());
        var media = Assert.Single(post.GetProperty("media").EnumerateArray());
        Assert.Equal(mediaId, media.GetProperty("media_id").GetString());
        Assert.StartsWith("http", media.GetProperty("variants").GetProperty("thumb_150").GetString());
        Assert.False(post.GetProperty("liked_by_me").GetBoolean());
        Assert.Equal(1, (await reader.ProfileAsync(author)).GetProperty("post_count").GetInt64());
        var grid = await reader.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/author/posts");
        Assert.Equal(postId, Assert.Single(grid.GetProperty("posts").EnumerateArray()).GetProperty("post_id").GetString());
    }

    [Fact]
    public async Task A_post_made_while_its_media_processes_publishes_when_the_media_is_ready()
    {
        using var author = await Api.RegisterAsync("patient");
        using var stranger = await Api.RegisterAsync("stranger");
        var jpeg = await _samples.JpegAsync(1200, 900);
        var mediaId = await author.Client.UploadAcceptedAsync(jpeg); // still processing

        var created = await CreatePostAsync(author, new { media_ids = new[] { mediaId } });
        var postId = created.GetProperty("post_id").GetString()!;

        var published = await Eventually.ValueAsync(
            () => author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}"),
            p => p.GetProperty("status").GetString() == "published",
            "the post publishes once its media is ready");
        Assert.Equal("ready", published.GetProperty("media")[0].GetProperty("status").GetString());
        await stranger.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
    }

    [Fact]
    public async Task Posts_need_the_authors_own_usable_media_and_valid_fields()
    {
        using var author = await Api.RegisterAsync("strict");
        using var other = await Api.RegisterAsync("other");
        var othersMedia = await ReadyPhotoAsync(other);
        var mine = await ReadyPhotoAsync(author);

        foreach (var body in new object[]
        {
            new { media_ids = new[] { othersMedia } },
            new { media_ids = Array.Empty<string>() },
            new { media_ids = Enumerable.Range(1, 11).Select(i => i.ToString()).ToArray() },
            new { media_ids = new[] { mine, mine } },
            new { media_ids = new[] { "not-a-number" } },
            new { media_ids = new[] { mine }, caption = new string('x', 2201) },
            new { media_ids = new[] { mine }, caption = string.Concat(Enumerable.Range(0, 31).Select(i => $"#tag{i} ")) },
            new { media_ids = new[] { mine }, location = new { lat = 91.0, lng = 0.0, name = "Nowhere" } },
        })
        {
            using var response = await author.Client.PostAsJsonAsync("/api/v1/posts", body);
            await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        }
    }

    [Fact]
    public async Task Likes_are_idempotent_per_user_and_counted()
    {
        using var author = await Api.RegisterAsync("liked");
        using var fan = await Api.RegisterAsync("liker");
        var postId = await PublishedPostAsync(author);

        var first = await fan.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");
        var again = await fan.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");

        Assert.Equal((true, 1L), (first.GetProperty("liked").GetBoolean(), first.GetProperty("like_count").GetInt64()));
        Assert.Equal(1, again.GetProperty("like_count").GetInt64());
        Assert.True((await fan.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("liked_by_me").GetBoolean());
        var unliked = await fan.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/like");
        Assert.Equal((false, 0L), (unliked.GetProperty("liked").GetBoolean(), unliked.GetProperty("like_count").GetInt64()));
    }

    [Fact]
    public async Task Ten_thousand_concurrent_likes_from_distinct_users_count_exactly()
    {
        using var author = await Api.RegisterAsync("viral");
        var postId = await PublishedPostAsync(author);
        const int Likers = 10_000;
        using var gate = new SemaphoreSlim(64);
        using var client = Api.CreateClient();

        await Task.WhenAll(Enumerable.Range(1, Likers).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/posts/{postId}/like");
                request.Headers.Authorization = new("Bearer", await Api.TokenForAsync(9_000_000_000L + i));
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        }));

        var post = await author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        Assert.Equal(Likers, post.GetProperty("like_count").GetInt64());
    }

    [Fact]
    public async Task Comments_are_listed_newest_first_and_deletable_by_their_author_or_the_posts_author_only()
    {
        using var author = await Api.RegisterAsync("host");
        using var guest = await Api.RegisterAsync("guest");
        using var stranger = await Api.RegisterAsync("passerby");
        var postId = await PublishedPostAsync(author);

        var first = await guest.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "first!" });
        var second = await stranger.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "second" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("comment_id").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("comment_id").GetString();

        var list = await guest.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}/comments");
        Assert.Equal([secondId, firstId], list.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("comment_id").GetString()));
        Assert.Equal("passerby", list.GetProperty("comments")[0].GetProperty("user").GetProperty("username").GetString());

        await stranger.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{firstId}", HttpStatusCode.Forbidden);
        await guest.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{firstId}", HttpStatusCode.NoContent);
        await author.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{secondId}", HttpStatusCode.NoContent);
        Assert.Equal(0, (await author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("comment_count").GetInt64());
        using var empty = await guest.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "   " });
        await empty.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Saved_posts_are_listed_for_their_saver()
    {
        using var author = await Api.RegisterAsync("creator");
        using var collector = await Api.RegisterAsync("collector");
        var postId = await PublishedPostAsync(author);

        await collector.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/save");

        Assert.True((await collector.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("saved_by_me").GetBoolean());
        var saved = await collector.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me/saved");
        Assert.Equal(postId, Assert.Single(saved.GetProperty("posts").EnumerateArray()).GetProperty("post_id").GetString());
        await collector.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/save");
        Assert.Empty((await collector.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me/saved")).GetProperty("posts").EnumerateArray());
    }

    [Fact]
    public async Task Only_the_author_deletes_a_post_and_afterwards_it_is_nowhere()
    {
        using var author = await Api.RegisterAsync("deleter");
        using var fan = await Api.RegisterAsync("bystander");
        var postId = await PublishedPostAsync(author);
        await fan.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/save");

        await fan.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}", HttpStatusCode.Forbidden);
        await author.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}", HttpStatusCode.NoContent);

        await fan.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}", HttpStatusCode.NotFound);
        await fan.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like", HttpStatusCode.NotFound);
        Assert.Empty((await fan.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/deleter/posts")).GetProperty("posts").EnumerateArray());
        Assert.Empty((await fan.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me/saved")).GetProperty("posts").EnumerateArray());
        Assert.Equal(0, (await fan.ProfileAsync(author)).GetProperty("post_count").GetInt64());
    }

    [Fact]
    public async Task A_private_authors_posts_are_for_approved_followers_and_blocks_hide_them()
    {
        using var author = await Api.RegisterAsync("secretive");
        using var follower = await Api.RegisterAsync("insider");
        using var outsider = await Api.RegisterAsync("outsider");
        var postId = await PublishedPostAsync(author);
        await author.Client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/v1/users/me") { Content = JsonContent.Create(new { is_private = true }) });
        await follower.FollowAsync(author);
        await author.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/follow-requests/{follower.UserId}/approve", HttpStatusCode.NoContent);

        await follower.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        await outsider.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}", HttpStatusCode.NotFound);
        await outsider.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like", HttpStatusCode.NotFound);
        await outsider.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/secretive/posts", HttpStatusCode.Forbidden);

        await author.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{follower.UserId}/block", HttpStatusCode.NoContent);
        await follower.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}", HttpStatusCode.NotFound);
        using var comment = await follower.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "let me in" });
        await comment.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<string> ReadyPhotoAsync(TestUser owner) => _samples.ReadyPhotoAsync(owner);

    private Task<string> PublishedPostAsync(TestUser author) => _samples.PublishedPostAsync(author);

    private static Task<JsonElement> CreatePostAsync(TestUser author, object body) => Posting.CreatePostAsync(author, body);
}

public sealed class PostsOnSqlite : PostSpecification
{
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

public sealed class PostsOnPostgres : PostSpecification
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
