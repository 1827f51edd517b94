using System.Diagnostics;
using Feed.Benchmarks.Hosting;
using Feed.Benchmarks.Load;
using Feed.Benchmarks.Seeding;
using Instagram.Grains.Feed;

namespace Feed.Benchmarks.Scenarios;

/// <summary>
/// 3a. An author just under the celebrity threshold publishes; how long until every follower's timeline
/// holds the post, measured from the API's answer. Cold: no follower timeline is active (the first poll
/// activates them, and an activation rebuilds from the graph: that delivery counts). Warm: every follower
/// read their feed once before the post, so the fan-out's pushes land in live timelines.
/// Goal: within 1 s (embedded).
/// </summary>
internal static class FanoutBenchmark
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(120);

    /// <summary>A pause so that a measurement does not share the cores and the disk with the tail of the work before it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(FeedBenchmarkOptions options, FeedBenchmarkReport report)
    {
        report.Section($"3a. Fan-out to {options.FanoutFollowers:N0} followers (embedded, SQLite)");
        await using var host = await ProductHost.StartAsync(postgresConnectionString: null);
        var graph = await FollowerGraph.SeedAsync(new ProductTables(host.Database), host.Ids, options.FanoutFollowers, postsToPublish: 2, options.Seed, "f");
        report.Note($"seeded 1 author with {graph.FollowerIds.Length:N0} followers and 10 earlier posts in " +
            $"{FeedBenchmarkReport.Ms(graph.UsersTime + graph.FollowsTime + graph.RestTime)}");

        var idleCold = await IdleCpu.MeasureAsync(Settle);
        var cold = await PublishAndWatchAsync(host, graph, graph.UnpostedMediaIds[0], "Cold start, first post of the day #fanout");

        var (_, reads) = await FeedReads.ReadEachOnceAsync(host, graph.FollowerIds);
        report.Note($"before the warm post every follower read their feed once through the API ({FeedBenchmarkReport.Ms(reads)})");
        await Task.Delay(Settle);

        // Activations cost a little even when idle (every active post ticks its counters' write-behind timer).
        var idleWarm = await IdleCpu.MeasureAsync(Settle);
        report.Note($"host idle (no requests) before the cold post: {idleCold:P1} of a core; before the warm post, with " +
            $"{await ActiveTimelinesAsync(host):N0} timelines active: {idleWarm:P1}");
        var warm = await PublishAndWatchAsync(host, graph, graph.UnpostedMediaIds[1], "Second post, everyone is online #fanout");

        report.Blank();
        report.Note($"{"timelines",-10} {"POST answered",14} {"all hold it",12} {"poll rounds",12} {"missing",8} {"fan-out done",13} {"timeline.AddAsync",18}");
        foreach (var (name, run) in new[] { ("cold", cold), ("warm", warm) })
        {
            report.Note($"{name,-10} {FeedBenchmarkReport.Ms(run.Post.Answered),14} {FeedBenchmarkReport.Ms(run.Poll.Elapsed),12} {run.Poll.Rounds,12} " +
                $"{run.Poll.Missing,8:N0} {FeedBenchmarkReport.Ms(run.FanoutDone),13} {run.TimelineAdds,18:N0}");
        }

        report.Note($"(\"all hold it\": from the POST's answer until the last follower's timeline held the post; \"fan-out done\": until the author's own " +
            $"timeline, the fan-out grain's last push, held it; goal within {Goal.TotalSeconds:F0} s: cold {Verdict(cold)}, warm {Verdict(warm)})");
        report.Blank();
    }

    private static async Task<long> ActiveTimelinesAsync(ProductHost host) =>
        (await host.ActivationsAsync()).GetValueOrDefault("TimelineGrain");

    private static string Verdict(FanoutRun run) => run.Poll.Missing == 0 && run.Poll.Elapsed <= Goal ? "met" : "NOT met";

    private static async Task<FanoutRun> PublishAndWatchAsync(ProductHost host, FollowerGraph graph, long mediaId, string caption)
    {
        var before = GrainCallCounts.Read(host.Calls);
        var post = await PostPublisher.PublishAsync(host, graph.AuthorId, mediaId, caption);
        var sinceAnswer = Stopwatch.StartNew();
        if (post.Status != "published")
        {
            throw new InvalidOperationException($"The post was answered as {post.Status}, not published: its media were not ready.");
        }

        // The author's own timeline is pushed last, so watching it alongside tells when the fan-out grain finished.
        var author = TimelinePoller.UntilAllHoldAsync(host.Grains, [graph.AuthorId], post.PostId, sinceAnswer, GiveUp);
        var poll = await TimelinePoller.UntilAllHoldAsync(host.Grains, graph.FollowerIds, post.PostId, sinceAnswer, GiveUp);
        var fanoutDone = (await author).Elapsed;
        var adds = GrainCallCounts.Read(host.Calls).Calls("timeline", nameof(ITimelineGrain.AddAsync)) - before.Calls("timeline", nameof(ITimelineGrain.AddAsync));
        return new FanoutRun(post, poll, fanoutDone, adds);
    }

    private sealed record FanoutRun(PublishedPost Post, PollOutcome Poll, TimeSpan FanoutDone, long TimelineAdds);
}
