using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>Making posts the way a client app does: upload, wait for the media, post, wait for publication.</summary>
public static class Posting
{
    public static async Task<string> ReadyPhotoAsync(this SampleMedia samples, TestUser owner)
    {
        var mediaId = await owner.Client.UploadAcceptedAsync(await samples.JpegAsync(640, 480));
        Assert.Equal("ready", (await owner.Client.SettledAsync(mediaId)).GetProperty("status").GetString());
        return mediaId;
    }

    public static async Task<string> PublishedPostAsync(this SampleMedia samples, TestUser author, string caption = "hello")
    {
        var created = await CreatePostAsync(author, new { media_ids = new[] { await samples.ReadyPhotoAsync(author) }, caption });
        var postId = created.GetProperty("post_id").GetString()!;
        await Eventually.ValueAsync(
            () => author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}"),
            p => p.GetProperty("status").GetString() == "published",
            "the post publishes");
        return postId;
    }

    public static async Task<JsonElement> CreatePostAsync(TestUser author, object body)
    {
        using var response = await author.Client.PostAsJsonAsync("/api/v1/posts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create post: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The post IDs of one page of the caller's feed.</summary>
    public static async Task<(List<string> PostIds, string? Next)> FeedPageAsync(this TestUser viewer, int limit = 20, string? cursor = null)
    {
        var url = $"/api/v1/feed?limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
        var page = await viewer.Client.SendJsonAsync(HttpMethod.Get, url);
        return ([.. page.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("post_id").GetString()!)],
            page.GetProperty("has_more").GetBoolean() ? page.GetProperty("next_cursor").GetString() : null);
    }

    /// <summary>The post IDs of the first page of a list of posts (the feed, a grid, the saved posts).</summary>
    public static async Task<List<string>> PostIdsAsync(this TestUser viewer, string url) =>
        [.. (await viewer.Client.SendJsonAsync(HttpMethod.Get, url)).GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("post_id").GetString()!)];
}
