using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

namespace ApiFrontend.Tests.Idempotency;

/// <summary>Media uploads carrying an <c>Idempotency-Key</c>, and what a test wants to know of the answer.</summary>
public static class IdempotentClient
{
    public static async Task<UploadAnswer> UploadWithKeyAsync(this HttpClient client, string key, byte[] file)
    {
        // A new form per call, as a client retrying from scratch would build it: with a new multipart boundary.
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", "photo.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = form };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return await UploadAnswer.ReadAsync(response);
    }
}

/// <summary>One answer to an upload, read completely.</summary>
public sealed record UploadAnswer(HttpStatusCode Status, string? ContentType, string Body, string? Location, bool Replayed, string? RetryAfter)
{
    public static async Task<UploadAnswer> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Content.Headers.ContentType?.MediaType,
        await response.Content.ReadAsStringAsync(),
        response.Headers.Location?.OriginalString,
        response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true",
        response.Headers.RetryAfter?.ToString());

    public string MediaId
    {
        get
        {
            Assert.True(Status == HttpStatusCode.Accepted, $"expected 202, got {(int)Status}: {Body}");
            using var json = JsonDocument.Parse(Body);
            return json.RootElement.GetProperty("media_id").GetString()!;
        }
    }

    public void AssertProblem(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/problem+json", ContentType);
        using var json = JsonDocument.Parse(Body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }
}
