using System.Net;
using System.Net.Http.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.Idempotency;

/// <summary>An <c>Idempotency-Key</c> names one request: the same key on another resource is another request, refused.</summary>
public sealed class IdempotentCommentSpecification : IAsyncLifetime
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
    public async Task The_same_key_on_another_posts_comments_is_refused_not_replayed()
    {
        using var user = await _api.RegisterAsync("careful_commenter");
        var first = await _samples.PublishedPostAsync(user);
        var second = await _samples.PublishedPostAsync(user);

        using var original = await CommentAsync(user, first, "same words", "comment-key-1");
        using var repeat = await CommentAsync(user, first, "same words", "comment-key-1");
        using var elsewhere = await CommentAsync(user, second, "same words", "comment-key-1");

        Assert.Equal(HttpStatusCode.Created, original.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await original.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal(0, (await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{second}")).GetProperty("comment_count").GetInt64());
    }

    private static Task<HttpResponseMessage> CommentAsync(TestUser user, string postId, string text, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/posts/{postId}/comments") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }
}
