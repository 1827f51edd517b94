using Xunit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ApiFrontend.Tests.Media;

/// <summary>The media endpoints as a client app calls them, with the answers parsed.</summary>
public static class MediaClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        return await client.PostAsync("/api/v1/media", form);
    }

    /// <summary>Uploads and expects 202; returns the media ID.</summary>
    public static async Task<string> UploadAcceptedAsync(this HttpClient client, byte[] file, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var response = await client.UploadAsync(file, fileName, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("processing", body.RootElement.GetProperty("status").GetString());
        return body.RootElement.GetProperty("media_id").GetString()!;
    }

    public static async Task<JsonElement> GetMediaAsync(this HttpClient client, string mediaId)
    {
        using var response = await client.GetAsync($"/api/v1/media/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Waits until processing has settled (ready or failed) and returns the media.</summary>
    public static Task<JsonElement> SettledAsync(this HttpClient client, string mediaId, TimeSpan? deadline = null) =>
        Eventually.ValueAsync(
            () => client.GetMediaAsync(mediaId),
            media => media.GetProperty("status").GetString() is "ready" or "failed",
            $"media {mediaId} finishes processing",
            deadline ?? TimeSpan.FromSeconds(60));

    /// <summary>Asserts a problem+json answer with <paramref name="status"/>, and returns the problem.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.Clone();
    }
}

/// <summary>JSON GETs that must succeed.</summary>
public static class JsonRequests
{
    public static async Task<JsonElement> GetFromJsonElementAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
