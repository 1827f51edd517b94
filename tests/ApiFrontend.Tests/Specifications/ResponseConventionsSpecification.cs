using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

/// <summary>What every answer has in common, whatever the endpoint: headers, the timestamp format, state-changing answers.</summary>
public sealed partial class ResponseConventionsSpecification : IAsyncLifetime
{
    private readonly EmbeddedApi _api = new();
    private readonly SampleMedia _samples = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_api_answers_are_never_stored_by_caches()
    {
        using var user = await _api.RegisterAsync("headers_checked");
        var postId = await _samples.PublishedPostAsync(user);
        var post = await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        var file = post.GetProperty("media")[0].GetProperty("variants").GetProperty("thumb_150").GetString()!;

        foreach (var path in new[] { $"/api/v1/posts/{postId}", "/api/v1/feed", "/api/v1/posts/1", "/healthz" })
        {
            using var answer = await user.Client.GetAsync(path);
            Assert.Equal(["nosniff"], answer.Headers.GetValues("X-Content-Type-Options"));
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(answer.Headers.CacheControl?.NoStore, $"{path} is no-store");
            }
        }

        using var bytes = await user.Client.GetAsync(file);
        Assert.Equal(HttpStatusCode.OK, bytes.StatusCode);
        Assert.Equal(["nosniff"], bytes.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(bytes.Headers.CacheControl?.Public, "variants stay cacheable forever");
    }

    [Fact]
    public async Task Every_timestamp_is_utc_with_milliseconds()
    {
        using var user = await _api.RegisterAsync("punctual");
        var postId = await _samples.PublishedPostAsync(user);
        using var commented = await user.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "on time" });
        Assert.Equal(HttpStatusCode.Created, commented.StatusCode);
        using var comment = JsonDocument.Parse(await commented.Content.ReadAsStringAsync());
        var issued = await user.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/media/upload-url?content_type=image/jpeg&size_bytes=1000");
        var post = await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");

        foreach (var timestamp in new[] { post.GetProperty("created_at"), comment.RootElement.GetProperty("created_at"), issued.GetProperty("expires_at") })
        {
            Assert.Matches(UtcWithMilliseconds(), timestamp.GetString());
        }
    }

    [Fact]
    public async Task Saving_answers_with_the_saved_state_as_liking_answers_with_the_liked_state()
    {
        using var user = await _api.RegisterAsync("collector_of_things");
        var postId = await _samples.PublishedPostAsync(user);

        var saved = await user.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/save");
        var unsaved = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/save");
        var liked = await user.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");

        Assert.True(saved.GetProperty("saved").GetBoolean());
        Assert.False(unsaved.GetProperty("saved").GetBoolean());
        Assert.True(liked.GetProperty("liked").GetBoolean());
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex UtcWithMilliseconds();
}
