using System.Diagnostics;
using Feed.Benchmarks.Hosting;
using Feed.Benchmarks.Load;
using Feed.Benchmarks.Seeding;
using TestSupport;

namespace Feed.Benchmarks.Scenarios;

/// <summary>
/// 2. The grain path (timelines in memory, hydration through grains) against a pure pull feed (one SQL
/// query per request), both on PostgreSQL, in the same process, under the same load.
/// </summary>
internal static class GrainVsPullBenchmark
{
    public static async Task RunAsync(FeedBenchmarkOptions options, FeedBenchmarkReport report, string workDirectory)
    {
        report.Section("2. Grain path vs pure pull (PostgreSQL)");
        if (options.PostgresConnectionString is not { } server)
        {
            report.Note("skipped: INSTAGRAM_TEST_POSTGRES is not set (scripts/bench-feed.sh starts a server).");
            report.Blank();
            return;
        }

        // Disposed in reverse: the host (and its pools) first, then the pull endpoint's data source, then the schema.
        await using var schema = await TemporaryPostgresSchema.CreateAsync(server, "feed_bench_");
        await using var pull = new PullFeedEndpoint(schema.ConnectionString);
        await using var host = await ProductHost.StartAsync(schema.ConnectionString, pull.Map);

        var clock = Stopwatch.StartNew();
        var graph = await FeedGraph.SeedAsync(new ProductTables(host.Database), host.Ids, options);
        report.Note($"seeded {graph.Describe()} in {FeedBenchmarkReport.Ms(clock.Elapsed)} (schema {schema.Schema})");

        var (feedResponse, feedReads) = await FeedReads.ReadEachOnceAsync(host, graph.ReaderIds);
        var (pullResponse, pullReads) = await FeedReads.ReadEachOnceAsync(host, graph.ReaderIds, PullFeedEndpoint.Path);
        report.Note($"every reader's feed read once: grain path {FeedBenchmarkReport.Ms(feedReads)}, pull {FeedBenchmarkReport.Ms(pullReads)}");
        report.Note($"responses: feed {feedResponse.Body.Length:N0} bytes, pull {pullResponse.Body.Length:N0} bytes; " +
            (feedResponse.Body.AsSpan().SequenceEqual(pullResponse.Body) ? "identical for the first reader" : "DIFFERENT for the first reader: the pull query does not compute the same page"));

        var tokens = await FeedReads.WriteTokensAsync(host, graph.ReaderIds, workDirectory);
        var wrk = new Wrk(workDirectory, options.Connections);
        var feedUrl = new Uri(host.Address, FeedReads.FeedPath);
        var pullUrl = new Uri(host.Address, PullFeedEndpoint.Path);
        report.WarmUp("feed", await wrk.WarmUpAsync(feedUrl, tokens, options.Warmup));
        report.WarmUp("pull", await wrk.WarmUpAsync(pullUrl, tokens, options.Warmup));

        var feed = await wrk.RunAsync("GET /api/v1/feed?limit=20 (grains)", feedUrl, tokens, options.Window);
        var pulled = await wrk.RunAsync("GET /bench/pull-feed (one SQL query per request)", pullUrl, tokens, options.Window);

        report.Blank();
        report.LoadTable([feed, pulled], pulled);
        report.Ratio("grain/pull", feed.PerSecond / pulled.PerSecond, goal: null);
        report.Blank();
        report.CostTable([feed, pulled]);

        var inProcess = await InProcessFeed.MeasureAsync(host, graph.ReaderIds, options.Connections, options.Window);
        report.Blank();
        report.InProcess(inProcess, options.Connections);
        report.Blank();
    }
}
