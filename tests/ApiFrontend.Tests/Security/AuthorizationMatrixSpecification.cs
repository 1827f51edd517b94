using System.Net;
using System.Net.Http.Json;
using System.Text;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using ApiFrontend.Tests.Social;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ApiFrontend.Tests.Security;

/// <summary>
/// Every endpoint, called by someone it does not belong to: no token at all, a stranger to a private
/// account, a blocked user, a follower who is not the author. Each must answer 401, 403 or 404 as
/// problem+json — never another user's data, never a change made on their behalf. The matrix is checked
/// whole and every mismatch reported at once.
/// </summary>
public abstract class AuthorizationMatrixSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private EmbeddedApi _api = null!;

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
    public async Task Every_endpoint_but_the_public_ones_wants_a_token()
    {
        using var anonymous = _api.CreateClient();
        var failures = new List<string>();
        var endpoints = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal));
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var path = endpoint.RoutePattern.RawText!.Replace("{username}", "someone");
                path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "1");
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    // A body of the kind the endpoint takes, so the refusal is about the token and not the content type.
                    var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                    request.Content = multipart
                        ? new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF]), "file", "photo.jpg" } }
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await anonymous.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }

        Assert.True(endpoints.Count() > 25, "the route table was read");
        Assert.True(failures.Count == 0, "answered without a token:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Nobody_reaches_what_is_not_theirs()
    {
        // The owner is private: the approved follower sees its post but does not own it; the stranger sees
        // nothing behind the profile; the blocked user sees not even the profile.
        using var owner = await _api.RegisterAsync("owner");
        using var follower = await _api.RegisterAsync("follower");
        using var stranger = await _api.RegisterAsync("stranger");
        using var blocked = await _api.RegisterAsync("blocked_user");
        var postId = await _samples.PublishedPostAsync(owner);
        using (var comment = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { text = "mine" }))
        {
            Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        }

        var commentId = (await owner.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}/comments")).GetProperty("comments")[0].GetProperty("comment_id").GetString();
        var mediaId = await owner.Client.UploadAcceptedAsync(await _samples.JpegAsync(320, 240));
        await follower.FollowAsync(owner);
        await Send(owner, HttpMethod.Patch, "/api/v1/users/me", new { is_private = true });
        await Send(owner, HttpMethod.Post, $"/api/v1/users/{blocked.UserId}/block");
        await stranger.FollowAsync(owner); // only a request: the owner is private now

        var o = owner.UserId;
        var matrix = new (TestUser Caller, HttpMethod Method, string Path, object? Body, HttpStatusCode Expected)[]
        {
            (stranger, HttpMethod.Get, $"/api/v1/posts/{postId}", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Get, $"/api/v1/posts/{postId}", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Delete, $"/api/v1/posts/{postId}", null, HttpStatusCode.Forbidden),
            (stranger, HttpMethod.Delete, $"/api/v1/posts/{postId}", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Post, $"/api/v1/posts/{postId}/like", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Post, $"/api/v1/posts/{postId}/like", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Delete, $"/api/v1/posts/{postId}/like", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Get, $"/api/v1/posts/{postId}/comments", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Post, $"/api/v1/posts/{postId}/comments", new { text = "hi" }, HttpStatusCode.NotFound),
            (follower, HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{commentId}", null, HttpStatusCode.Forbidden),
            (stranger, HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{commentId}", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Post, $"/api/v1/posts/{postId}/save", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Delete, $"/api/v1/posts/{postId}/save", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Get, "/api/v1/users/owner/posts", null, HttpStatusCode.Forbidden),
            (blocked, HttpMethod.Get, "/api/v1/users/owner/posts", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Get, "/api/v1/users/owner", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Get, $"/api/v1/users/{o}/followers", null, HttpStatusCode.Forbidden),
            (stranger, HttpMethod.Get, $"/api/v1/users/{o}/following", null, HttpStatusCode.Forbidden),
            (blocked, HttpMethod.Get, $"/api/v1/users/{o}/followers", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Post, $"/api/v1/users/{o}/follow", null, HttpStatusCode.NotFound),
            (blocked, HttpMethod.Post, $"/api/v1/users/{o}/block", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Post, $"/api/v1/follow-requests/{stranger.UserId}/approve", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Post, $"/api/v1/follow-requests/{stranger.UserId}/deny", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Get, $"/api/v1/media/{mediaId}", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Post, $"/api/v1/media/{mediaId}/complete", null, HttpStatusCode.NotFound),
            (follower, HttpMethod.Post, "/api/v1/posts", new { media_ids = new[] { mediaId } }, HttpStatusCode.UnprocessableEntity),
        };

        var failures = new List<string>();
        foreach (var (caller, method, path, body, expected) in matrix)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await caller.Client.SendAsync(request);
            if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{caller.Username} {method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Nothing those calls attempted happened.
        var post = await owner.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        Assert.Equal(0, post.GetProperty("like_count").GetInt64());
        Assert.Equal(1, post.GetProperty("comment_count").GetInt64());
        Assert.Equal([follower.UserId], await owner.ListAsync($"/api/v1/users/{o}/followers"));
        Assert.Equal([stranger.UserId], await owner.ListAsync("/api/v1/follow-requests"));
    }

    private static async Task Send(TestUser user, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await user.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class AuthorizationMatrixOnSqlite : AuthorizationMatrixSpecification
{
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

public sealed class AuthorizationMatrixOnPostgres : AuthorizationMatrixSpecification
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
