using System.Net;
using System.Text;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.Security;

/// <summary>
/// Bad input at every door: malformed, truncated and oversized JSON, invalid UTF-8, lone surrogates, NUL
/// characters (which PostgreSQL text cannot hold), wrong types, absurd limits, cursors and IDs. Each gets a
/// 4xx problem+json naming the problem, never a 500 — and nothing is stored. Checked whole, every mismatch
/// reported at once.
/// </summary>
public abstract class MalformedInputSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private EmbeddedApi _api = null!;

    protected abstract Task<IReadOnlyDictionary<string, string>> SettingsAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>Over Kestrel, as in production: the request body limit is the server's.</summary>
    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(await SettingsAsync())
        {
            ["RateLimits:Post:Limit"] = "1000",
            ["RateLimits:Comment:Limit"] = "1000",
        };
        _api = new EmbeddedApi(settings).OverKestrel();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await CleanUpAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task Malformed_bodies_are_refused_with_a_problem_and_store_nothing()
    {
        using var user = await _api.RegisterAsync("careful");
        var postId = await _samples.PublishedPostAsync(user);
        var mediaId = await _samples.ReadyPhotoAsync(user);
        var jsonEndpoints = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/api/v1/auth/register"),
            (HttpMethod.Post, "/api/v1/auth/login"),
            (HttpMethod.Patch, "/api/v1/users/me"),
            (HttpMethod.Post, "/api/v1/posts"),
            (HttpMethod.Post, $"/api/v1/posts/{postId}/comments"),
        };
        var bodies = new (string Name, HttpContent Content, HttpStatusCode Expected)[]
        {
            ("empty", Json(""), HttpStatusCode.BadRequest),
            ("truncated", Json("""{"text":"unfinish"""), HttpStatusCode.BadRequest),
            ("an array", Json("[1,2,3]"), HttpStatusCode.BadRequest),
            ("null", Json("null"), HttpStatusCode.BadRequest),
            ("wrong types", Json("""{"username":1,"email":2,"password":3,"login":4,"display_name":5,"bio":6,"is_private":"yes","media_ids":"x","caption":7,"text":8}"""), HttpStatusCode.BadRequest),
            ("invalid UTF-8", InvalidUtf8InEveryField(), HttpStatusCode.BadRequest),
            ("a lone surrogate", Json("""{"username":"\ud800","login":"\ud800","display_name":"\ud800","caption":"\ud800","text":"\ud800","media_ids":["\ud800"]}"""), HttpStatusCode.BadRequest),
            ("nested 500 deep", Json(new string('[', 500) + new string(']', 500)), HttpStatusCode.BadRequest),
            ("not JSON", Raw("text=hello"u8.ToArray(), "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType),
            ("2 MB", Json("{\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge),
        };

        var failures = new List<string>();
        foreach (var (method, path) in jsonEndpoints)
        {
            foreach (var (name, content, expected) in bodies)
            {
                var client = path.Contains("/auth/", StringComparison.Ordinal) ? _api.CreateClient() : user.Client;
                using var request = new HttpRequestMessage(method, path) { Content = await CopyAsync(content) };

                // As a careful client sends a large body: the server may refuse it before a byte of it is sent.
                request.Headers.ExpectContinue = true;
                using var response = await client.SendAsync(request);
                if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {path} with {name}: expected {(int)expected}, got {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var post = await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        Assert.Equal(0, post.GetProperty("comment_count").GetInt64());
        Assert.Equal(1, (await user.ProfileAsync(user)).GetProperty("post_count").GetInt64());
        _ = mediaId;
    }

    [Fact]
    public async Task Text_that_no_database_can_hold_or_no_rule_allows_is_422()
    {
        using var user = await _api.RegisterAsync("precise");
        var postId = await _samples.PublishedPostAsync(user);
        var mediaId = await _samples.ReadyPhotoAsync(user);
        var cases = new (HttpMethod Method, string Path, string Json)[]
        {
            (HttpMethod.Post, $"/api/v1/posts/{postId}/comments", """{"text":"nul \u0000 inside"}"""),
            (HttpMethod.Post, $"/api/v1/posts/{postId}/comments", """{"text":"   "}"""),
            (HttpMethod.Post, $"/api/v1/posts/{postId}/comments", "{\"text\":\"" + new string('c', 2201) + "\"}"),
            (HttpMethod.Patch, "/api/v1/users/me", """{"display_name":"nul \u0000"}"""),
            (HttpMethod.Patch, "/api/v1/users/me", """{"bio":"nul \u0000"}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}"],"caption":"nul \u0000"}"""),
            (HttpMethod.Post, "/api/v1/posts", $$$"""{"media_ids":["{{{mediaId}}}"],"location":{"lat":1,"lng":2,"name":"nul \u0000"}}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}"],"caption":"{{new string('x', 2201)}}"}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}"],"caption":"{{string.Concat(Enumerable.Range(0, 31).Select(i => $"#t{i} "))}}"}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}"],"caption":"{{string.Concat(Enumerable.Range(0, 21).Select(i => $"@someone{i} "))}}"}"""),
            (HttpMethod.Post, "/api/v1/posts", """{"media_ids":[]}"""),
            (HttpMethod.Post, "/api/v1/posts", """{"media_ids":["99999999999999999999999"]}"""),
            (HttpMethod.Post, "/api/v1/posts", """{"media_ids":["-1"]}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}","{{mediaId}}"]}"""),
            (HttpMethod.Post, "/api/v1/posts", $$$"""{"media_ids":["{{{mediaId}}}"],"location":{"lat":91,"lng":0,"name":"north of north"}}"""),
            (HttpMethod.Post, "/api/v1/posts", $$"""{"media_ids":["{{mediaId}}"],"tagged_users":["not-a-number"]}"""),
            (HttpMethod.Post, "/api/v1/auth/register", """{"username":"nul\u0000","email":"n@example.com","password":"long enough pw"}"""),
            (HttpMethod.Post, "/api/v1/auth/register", """{"username":"nully","email":"n\u0000@example.com","password":"long enough pw"}"""),
        };

        var failures = new List<string>();
        foreach (var (method, path, json) in cases)
        {
            var client = path.Contains("/auth/", StringComparison.Ordinal) ? _api.CreateClient() : user.Client;
            using var request = new HttpRequestMessage(method, path) { Content = Json(json) };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.UnprocessableEntity || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {path} {Shorten(json)}: expected 422, got {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, (await user.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("comment_count").GetInt64());
        Assert.Equal(1, (await user.ProfileAsync(user)).GetProperty("post_count").GetInt64());
    }

    [Fact]
    public async Task Absurd_limits_cursors_and_ids_are_4xx_on_every_list_and_item()
    {
        using var user = await _api.RegisterAsync("curious");
        var postId = await _samples.PublishedPostAsync(user);
        var lists = new[]
        {
            "/api/v1/feed", $"/api/v1/posts/{postId}/comments", "/api/v1/users/me/saved", "/api/v1/users/curious/posts",
            $"/api/v1/users/{user.UserId}/followers", $"/api/v1/users/{user.UserId}/following", "/api/v1/follow-requests",
        };
        var queries = new[] { "limit=0", "limit=-1", "limit=51", "limit=1e3", "limit=99999999999999999999", "limit=%00", "cursor=garbage", "cursor=" + new string('A', 5000) };
        var items = new (string Url, int Expected)[]
        {
            ("/api/v1/posts/0", 404), ("/api/v1/posts/-1", 404), ("/api/v1/posts/99999999999999999999", 404), ("/api/v1/posts/1.5", 404),
            ("/api/v1/users/" + new string('u', 300), 404), ("/api/v1/media/-7", 404),
        };

        var failures = new List<string>();
        foreach (var (url, expected) in lists.SelectMany(list => queries.Select(query => (Url: $"{list}?{query}", Expected: 400))).Concat(items))
        {
            using var response = await user.Client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"GET {Shorten(url)}: expected {expected}, got {status} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // A NUL in the path never reaches the app: the server refuses the request line itself.
        using var nul = await user.Client.GetAsync("/api/v1/users/%00");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
    }

    /// <summary>Every field an endpoint reads holds a broken two-byte sequence (a skipped field would not be decoded at all).</summary>
    private static ByteArrayContent InvalidUtf8InEveryField()
    {
        byte[] broken = [0xC3, 0x28];
        var fields = new[] { "username", "email", "password", "login", "display_name", "bio", "caption", "text" };
        var body = new List<byte> { (byte)'{' };
        foreach (var field in fields)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"\"{field}\":\""));
            body.AddRange(broken);
            body.AddRange("\","u8.ToArray());
        }

        body.AddRange("\"media_ids\":[\"1\"]}"u8.ToArray());
        return Raw([.. body], "application/json");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>A content can be sent once: each request gets its own copy.</summary>
    private static async Task<HttpContent> CopyAsync(HttpContent content)
    {
        var copy = new ByteArrayContent(await content.ReadAsByteArrayAsync());
        copy.Headers.ContentType = content.Headers.ContentType;
        return copy;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

public sealed class MalformedInputOnSqlite : MalformedInputSpecification
{
    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}

public sealed class MalformedInputOnPostgres : MalformedInputSpecification
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
