using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>
/// Lists of posts are written from renderings kept between requests (the post cards). Whatever a list
/// shows must be what the post endpoint shows, and a change must show on the very next read of a list
/// read before it: no waiting, no stale counter, no deleted post.
/// </summary>
public sealed class RenderedPostSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private readonly EmbeddedApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task Every_list_shows_each_post_exactly_as_the_post_endpoint_does()
    {
        using var author = await _api.RegisterAsync("renderer");
        using var reader = await _api.RegisterAsync("onlooker");
        await reader.FollowAsync(author);
        var liked = await _samples.PublishedPostAsync(author, "liked #one @onlooker");
        var saved = await _samples.PublishedPostAsync(author, "saved #two");
        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{liked}/like");
        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{saved}/save");
        await Eventually.TrueAsync(async () => (await reader.FeedPageAsync()).PostIds.Count == 2, "both posts reach the feed");

        foreach (var url in new[] { "/api/v1/feed", "/api/v1/feed", $"/api/v1/users/{author.Username}/posts", "/api/v1/users/me/saved" })
        {
            var page = await reader.Client.SendJsonAsync(HttpMethod.Get, url); // the second feed read comes from the kept renderings
            foreach (var post in page.GetProperty("posts").EnumerateArray())
            {
                var single = await reader.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{post.GetProperty("post_id").GetString()}");
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(post.GetRawText()), JsonNode.Parse(single.GetRawText())), $"{url}:\n{post}\nGET /posts:\n{single}");
            }
        }
    }

    [Fact]
    public async Task Counters_and_marks_change_on_the_next_read_of_a_feed_read_before()
    {
        using var author = await _api.RegisterAsync("counted");
        using var reader = await _api.RegisterAsync("counter");
        using var other = await _api.RegisterAsync("bystander");
        await reader.FollowAsync(author);
        var postId = await _samples.PublishedPostAsync(author);
        await Eventually.TrueAsync(async () => (await reader.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the feed");
        Assert.Equal((0, 0, false), await ShownAsync(reader, postId));

        await other.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");
        Assert.Equal((1, 0, false), await ShownAsync(reader, postId));

        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");
        using var comment = await reader.Client.PostAsync($"/api/v1/posts/{postId}/comments", JsonContent("{\"text\":\"first\"}"));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal((2, 1, true), await ShownAsync(reader, postId));

        await other.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/like");
        Assert.Equal((1, 1, true), await ShownAsync(reader, postId));
    }

    [Fact]
    public async Task A_post_deleted_after_its_lists_were_read_is_in_none_of_them_on_the_next_read()
    {
        using var author = await _api.RegisterAsync("eraser");
        using var reader = await _api.RegisterAsync("rememberer");
        await reader.FollowAsync(author);
        var postId = await _samples.PublishedPostAsync(author);
        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/save");
        await Eventually.TrueAsync(async () => (await reader.FeedPageAsync()).PostIds.Contains(postId), "the post reaches the feed");
        string[] lists = ["/api/v1/feed", $"/api/v1/users/{author.Username}/posts", "/api/v1/users/me/saved"];
        foreach (var url in lists)
        {
            Assert.Contains(postId, await reader.PostIdsAsync(url));
        }

        await author.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}", HttpStatusCode.NoContent);

        foreach (var url in lists)
        {
            Assert.DoesNotContain(postId, await reader.PostIdsAsync(url));
        }
    }

    private static async Task<(long Likes, long Comments, bool LikedByMe)> ShownAsync(TestUser viewer, string postId)
    {
        var feed = await viewer.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/feed");
        var post = feed.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("post_id").GetString() == postId);
        return (post.GetProperty("like_count").GetInt64(), post.GetProperty("comment_count").GetInt64(), post.GetProperty("liked_by_me").GetBoolean());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
