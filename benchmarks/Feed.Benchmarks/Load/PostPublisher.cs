using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Feed.Benchmarks.Hosting;

namespace Feed.Benchmarks.Load;

/// <summary>A post created through the API, and how long the API took to answer.</summary>
internal sealed record PublishedPost(long PostId, string Status, TimeSpan Answered);

/// <summary>
/// Creates posts the way a client does: POST /api/v1/posts as the author with media already processed, so
/// the post grain publishes it before answering (both phases at once) and the fan-out event is queued.
/// </summary>
internal static class PostPublisher
{
    public static async Task<PublishedPost> PublishAsync(ProductHost host, long authorId, long mediaId, string caption)
    {
        using var client = await host.CreateClientAsync(authorId);
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync(
            "/api/v1/posts", new { media_ids = new[] { mediaId.ToString(CultureInfo.InvariantCulture) }, caption });
        var answered = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/posts answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var postId = long.Parse(json.RootElement.GetProperty("post_id").GetString()!, CultureInfo.InvariantCulture);
        return new PublishedPost(postId, json.RootElement.GetProperty("status").GetString()!, answered);
    }
}
