using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>Profiles over HTTP: edits, and avatars that go through the media pipeline and show wherever their user does.</summary>
public abstract class ProfileSpecification : IAsyncLifetime
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
    public async Task Profile_edits_change_only_the_fields_sent_and_read_back()
    {
        using var owner = await Api.RegisterAsync("editor");
        using var viewer = await Api.RegisterAsync("onlooker");

        var edited = await PatchAsync(owner, new { display_name = "  The Editor ", bio = "Writes things." });
        Assert.Equal("The Editor", edited.GetProperty("display_name").GetString());
        Assert.Equal("Writes things.", edited.GetProperty("bio").GetString());

        await PatchAsync(owner, new { is_private = true });
        var seen = await viewer.ProfileAsync(owner);
        Assert.Equal("The Editor", seen.GetProperty("display_name").GetString());
        Assert.Equal("Writes things.", seen.GetProperty("bio").GetString());
        Assert.True(seen.GetProperty("is_private").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("avatar_url").ValueKind);
    }

    [Theory]
    [InlineData("""{"display_name":""}""")]
    [InlineData("""{"display_name":"   "}""")]
    [InlineData("""{"bio":"{LONG}"}""")]
    public async Task Invalid_profile_edits_are_422(string json)
    {
        using var owner = await Api.RegisterAsync("fussy");
        using var response = await owner.Client.PatchAsync("/api/v1/users/me", new StringContent(json.Replace("{LONG}", new string('b', 151)), System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_avatar_shows_once_processed_on_the_profile_posts_comments_and_user_lists()
    {
        using var owner = await Api.RegisterAsync("portrait");
        using var fan = await Api.RegisterAsync("admirer");
        await fan.FollowAsync(owner);
        var postId = await _samples.PublishedPostAsync(owner);
        await Eventually.TrueAsync(async () => (await fan.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the fan's feed (kept rendered without an avatar)");

        using var upload = await PutAvatarAsync(owner, await _samples.JpegAsync(800, 600), "image/jpeg");
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var mediaId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("media_id").GetString()!;
        Assert.Equal("ready", (await owner.Client.SettledAsync(mediaId)).GetProperty("status").GetString());

        var avatarUrl = (await fan.ProfileAsync(owner)).GetProperty("avatar_url").GetString();
        Assert.NotNull(avatarUrl);
        using var avatar = await fan.Client.GetAsync(avatarUrl);
        Assert.Equal(HttpStatusCode.OK, avatar.StatusCode);
        Assert.Equal("image/webp", avatar.Content.Headers.ContentType?.MediaType);

        var post = await fan.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        Assert.Equal(avatarUrl, post.GetProperty("user").GetProperty("avatar_url").GetString());
        var feed = await fan.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/feed");
        Assert.Equal(avatarUrl, feed.GetProperty("posts")[0].GetProperty("user").GetProperty("avatar_url").GetString());
        using var comment = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "new face" });
        Assert.Equal(avatarUrl, (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("avatar_url").GetString());
        var followers = await owner.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{fan.UserId}/following");
        Assert.Equal(avatarUrl, followers.GetProperty("users")[0].GetProperty("avatar_url").GetString());
    }

    [Fact]
    public async Task A_video_or_a_file_that_is_no_image_is_refused_as_an_avatar()
    {
        using var owner = await Api.RegisterAsync("camerashy");

        using var video = await PutAvatarAsync(owner, await _samples.Mp4Async(320, 240, 1), "video/mp4");
        await video.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var text = await PutAvatarAsync(owner, "not a picture"u8.ToArray(), "image/jpeg");
        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var noFile = await owner.Client.PutAsync("/api/v1/users/me/avatar", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await noFile.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(JsonValueKind.Null, (await owner.ProfileAsync(owner)).GetProperty("avatar_url").ValueKind);
    }

    private static async Task<JsonElement> PatchAsync(TestUser user, object changes)
    {
        using var response = await user.Client.PatchAsync("/api/v1/users/me", JsonContent.Create(changes));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH /users/me: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PutAvatarAsync(TestUser user, byte[] file, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", "avatar");
        return await user.Client.PutAsync("/api/v1/users/me/avatar", form);
    }
}

public sealed class ProfilesOnSqlite : ProfileSpecification
{
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

public sealed class ProfilesOnPostgres : ProfileSpecification
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
