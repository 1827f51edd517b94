using System.Diagnostics;
using Feed.Benchmarks.Hosting;
using Feed.Benchmarks.Load;
using Feed.Benchmarks.Seeding;
using Instagram.Grains.Feed;

namespace Feed.Benchmarks.Scenarios;

/// <summary>
/// 3b. A celebrity (followers at or above the threshold) publishes: the post must go to their outbox, not to
/// a million timelines. Counted two ways — timeline AddAsync calls seen by a grain call filter, and timeline
/// rows in grain_state — then checked where it matters: on the first page of every follower (or of a random
/// sample of them, with --sample).
/// </summary>
internal static class CelebrityBenchmark
{
    private const int PageSize = 20;
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(120);

    /// <summary>A pause before counting rows: timelines store a change before acknowledging it, so any write the post caused has landed by then.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(FeedBenchmarkOptions options, FeedBenchmarkReport report)
    {
        report.Section($"3b. Celebrity with {options.CelebrityFollowers:N0} followers (embedded, SQLite)");
        await using var host = await ProductHost.StartAsync(postgresConnectionString: null);
        var threshold = host.Services.GetRequiredService<FeedSettings>().CelebrityThreshold;
        var tables = new ProductTables(host.Database);

        var graph = await FollowerGraph.SeedAsync(tables, host.Ids, options.CelebrityFollowers, postsToPublish: 1, options.Seed, "c");
        report.Note($"seeded {graph.FollowerIds.Length + 1:N0} users in {FeedBenchmarkReport.Ms(graph.UsersTime)} ({(graph.FollowerIds.Length + 1) / graph.UsersTime.TotalSeconds:N0} rows/s), " +
            $"{graph.FollowerIds.Length:N0} follows in {FeedBenchmarkReport.Ms(graph.FollowsTime)} ({graph.FollowerIds.Length / graph.FollowsTime.TotalSeconds:N0} rows/s), " +
            $"media and 10 earlier posts in {FeedBenchmarkReport.Ms(graph.RestTime)}; follower_count {graph.FollowerIds.Length:N0}, threshold {threshold:N0}" +
            (graph.FollowerIds.Length >= threshold ? string.Empty : " — BELOW the threshold: this author is pushed, not pulled"));

        const string timelineRows = "grain_type = 'timeline'";
        var rowsBefore = await tables.CountAsync("grain_state", timelineRows);
        var addsBefore = GrainCallCounts.Read(host.Calls).Calls("timeline", nameof(ITimelineGrain.AddAsync));

        var post = await PostPublisher.PublishAsync(host, graph.AuthorId, graph.UnpostedMediaIds[0], "Thank you for a million! New tour dates soon #tour #music");
        var sinceAnswer = Stopwatch.StartNew();

        // The fan-out grain's last step is the author's own timeline: once it holds the post, the fan-out is over.
        var fanout = await TimelinePoller.UntilAllHoldAsync(host.Grains, [graph.AuthorId], post.PostId, sinceAnswer, GiveUp);
        await Task.Delay(Settle);
        var adds = GrainCallCounts.Read(host.Calls).Calls("timeline", nameof(ITimelineGrain.AddAsync)) - addsBefore;
        var rowsAfter = await tables.CountAsync("grain_state", timelineRows);

        var sample = Sample(graph.FollowerIds, options.Sample, new Random(options.Seed));
        var clock = Stopwatch.StartNew();
        var holding = await TimelinePoller.CountHoldingAsync(host.Grains, sample, post.PostId, PageSize);
        var coldRead = clock.Elapsed;
        clock.Restart();
        var holdingAgain = await TimelinePoller.CountHoldingAsync(host.Grains, sample, post.PostId, PageSize);
        var warmRead = clock.Elapsed;

        report.Note($"POST answered in {FeedBenchmarkReport.Ms(post.Answered)} ({post.Status}); fan-out done (the author's own timeline held the post) " +
            (fanout.Rounds == 1 ? "already at the first check after the answer" : $"{FeedBenchmarkReport.Ms(fanout.Elapsed)} after the answer"));
        report.Note($"timeline writes caused by the post: (i) timeline.AddAsync calls {addsBefore:N0} → {addsBefore + adds:N0} (+{adds:N0}; " +
            $"the author's own timeline is 1); (ii) grain_state rows of type 'timeline' {rowsBefore:N0} → {rowsAfter:N0} (+{rowsAfter - rowsBefore:N0}), " +
            $"counted {Settle.TotalSeconds:F0} s after the fan-out");
        var whose = sample.Length == graph.FollowerIds.Length ? $"every one of the {sample.Length:N0} followers" : $"a random SAMPLE of {sample.Length:N0} of the {graph.FollowerIds.Length:N0} followers";
        report.Note($"first page ({PageSize} posts) of {whose}: " +
            $"{holding:N0} had the post; reading those pages took {FeedBenchmarkReport.Ms(coldRead)} cold (each timeline activates: rebuild from the graph " +
            $"+ the celebrity's outbox) and {FeedBenchmarkReport.Ms(warmRead)} again warm ({holdingAgain:N0} had it)");
        report.Blank();
    }

    /// <summary><paramref name="count"/> distinct followers, chosen at random (the first of a shuffled copy).</summary>
    private static long[] Sample(long[] followerIds, int count, Random random)
    {
        var shuffled = (long[])followerIds.Clone();
        random.Shuffle(shuffled);
        return shuffled[..count];
    }
}
