using System.Collections.Immutable;
using System.Net;
using ApiFrontend.Tests.Infrastructure;
using Instagram.Grains.Posts;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>The viewer's likes and saves as lists show them: remembered by the engagement grain, never stale, never lost to its memory limit.</summary>
public sealed class EngagementSpecification : IAsyncLifetime
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
    public async Task Marks_read_before_a_like_or_save_change_with_it()
    {
        using var author = await _api.RegisterAsync("marked");
        using var reader = await _api.RegisterAsync("marker");
        var postId = await _samples.PublishedPostAsync(author);

        var before = await reader.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}"); // remembered: neither
        Assert.False(before.GetProperty("liked_by_me").GetBoolean());
        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/like");
        await reader.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/posts/{postId}/save");

        var after = await reader.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}");
        Assert.True(after.GetProperty("liked_by_me").GetBoolean());
        Assert.True(after.GetProperty("saved_by_me").GetBoolean());
        Assert.False((await author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("liked_by_me").GetBoolean());

        await reader.Client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/posts/{postId}/like");
        Assert.False((await reader.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}")).GetProperty("liked_by_me").GetBoolean());
    }

    [Fact]
    public async Task A_page_of_older_posts_than_all_it_remembers_is_answered_when_its_memory_is_full()
    {
        var engagement = _api.Services.GetRequiredService<IGrainFactory>().GetGrain<IEngagementGrain>(4242);
        var recent = Enumerable.Range(0, 50).Select(page => ImmutableArray.CreateRange(Enumerable.Range(0, 100).Select(i => 1_000_000L + page * 100 + i)));
        foreach (var page in recent)
        {
            Assert.Equal(page.Length, (await engagement.MarksAsync(page)).Length);
        }

        // 5 000 remembered, forgotten down to 3 072 at 4 100, then 900 more: these 200 take it past 4 096 again.
        ImmutableArray<long> older = [.. Enumerable.Range(1, 200).Select(i => (long)i)];
        var marks = await engagement.MarksAsync(older);

        Assert.Equal(older.Length, marks.Length);
        Assert.All(marks, m => Assert.Equal(default, m));
    }
}
