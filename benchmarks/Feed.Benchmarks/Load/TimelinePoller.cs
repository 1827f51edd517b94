using Instagram.Grains.Feed;
using Orleans;

namespace Feed.Benchmarks.Load;

/// <summary>Followers still waiting after a poll, and how many rounds the polling took.</summary>
internal sealed record PollOutcome(TimeSpan Elapsed, int Rounds, int Missing);

/// <summary>
/// Watches timelines through direct grain calls until each holds a post: every round asks, in parallel,
/// only the timelines that did not hold it yet. Asking activates a timeline that is not active, and an
/// activation rebuilds the timeline from the graph, so for a cold timeline the rebuild is what delivers.
/// Rounds are a millisecond apart: a poll down to its last few timelines must not spin on a core the
/// fan-out needs (so times are accurate to about a millisecond plus one round).
/// </summary>
internal static class TimelinePoller
{
    private const int ReadChunk = 4096;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    public static async Task<PollOutcome> UntilAllHoldAsync(IGrainFactory grains, IReadOnlyList<long> userIds, long postId, System.Diagnostics.Stopwatch since, TimeSpan timeout)
    {
        var pending = userIds.ToList();
        var rounds = 0;
        while (pending.Count > 0 && since.Elapsed < timeout)
        {
            if (rounds++ > 0)
            {
                await Task.Delay(Pause);
            }

            var pages = await Task.WhenAll(pending.Select(id => grains.GetGrain<ITimelineGrain>(id).GetPageAsync(null, 1)));
            pending = [.. pending.Where((_, i) => !pages[i].Items.Any(e => e.PostId == postId))];
        }

        return new PollOutcome(since.Elapsed, rounds, pending.Count);
    }

    /// <summary>Of <paramref name="userIds"/>, how many have <paramref name="postId"/> on their first page of <paramref name="pageSize"/>.</summary>
    public static async Task<int> CountHoldingAsync(IGrainFactory grains, IReadOnlyList<long> userIds, long postId, int pageSize)
    {
        // In chunks, as clients would arrive: a million pages asked at once would sit in queues past the calls' timeout.
        var holding = 0;
        foreach (var chunk in userIds.Chunk(ReadChunk))
        {
            var pages = await Task.WhenAll(chunk.Select(id => grains.GetGrain<ITimelineGrain>(id).GetPageAsync(null, pageSize)));
            holding += pages.Count(page => page.Items.Any(e => e.PostId == postId));
        }

        return holding;
    }
}
