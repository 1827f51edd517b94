using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.Security;

/// <summary>
/// A request the framework cannot read is answered in our words: which field is wrong and why, keyed by
/// field under <c>errors</c>, and never the framework's exception text.
/// </summary>
public sealed class UnreadableRequestSpecification : IAsyncLifetime
{
    private static readonly string[] FrameworkWords = ["Exception", "System.", "Stream", "Failed to", "parameter \"", "LineNumber", "Path:"];

    private readonly EmbeddedApi _api = new();
    private TestUser _user = null!;

    public async Task InitializeAsync() => _user = await _api.RegisterAsync("fussy_reader");

    public async Task DisposeAsync()
    {
        _user.Dispose();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/users/me", """{"is_private":"yes"}""", "is_private", "must be true or false")]
    [InlineData("PATCH", "/api/v1/users/me", """{"bio":["a"]}""", "bio", "must be a string")]
    [InlineData("POST", "/api/v1/posts", """{"media_ids":[1],"caption":"x"}""", "media_ids", "must be an array of strings")]
    [InlineData("POST", "/api/v1/posts", """{"media_ids":"1"}""", "media_ids", "must be an array of strings")]
    public async Task A_value_of_the_wrong_type_names_its_field_and_what_it_must_be(string method, string path, string body, string field, string reason)
    {
        using var response = await SendAsync(method, path, Json(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(reason, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
        Assert.Equal($"{field} {reason}.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_names_its_field()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"bio":"ab"}""");
        bytes[9] = 0xFF;

        using var response = await SendAsync("PATCH", "/api/v1/users/me", Json(bytes));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("bio", out _));
    }

    [Theory]
    [InlineData("""{"caption":""", "not valid JSON")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("", "needs a JSON body")]
    public async Task A_body_that_is_not_a_json_object_says_so_in_our_words(string body, string expected)
    {
        using var response = await SendAsync("POST", "/api/v1/posts", Json(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_raw_image_body_is_told_to_use_the_multipart_field_file()
    {
        var raw = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]);
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var response = await SendAsync("POST", "/api/v1/media", raw);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data with the file in the field 'file'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_cut_off_multipart_body_is_described_without_the_readers_exception_text()
    {
        var cut = new ByteArrayContent(Encoding.ASCII.GetBytes("--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc"));
        cut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xx");

        using var response = await SendAsync("POST", "/api/v1/media", cut);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("closing boundary", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/users/me", """{"is_private":"yes"}""")]
    [InlineData("POST", "/api/v1/posts", """{"caption":""")]
    [InlineData("POST", "/api/v1/posts", "[]")]
    [InlineData("POST", "/api/v1/auth/login", """{"login":{"a":1},"password":"x"}""")]
    public async Task No_answer_carries_framework_text(string method, string path, string body)
    {
        using var response = await SendAsync(method, path, Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All(FrameworkWords, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, HttpContent content) =>
        await _user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });

    private static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
