// Home feed benchmark. Hosts the product (ApiFrontend in embedded mode) in this process on Kestrel and
// prints, against baselines measured in the same run:
//   1. feed reads under wrk load on SQLite vs a precomputed response of the same bytes (the HTTP stack's limit);
//   2. the grain path vs a one-query pull feed on PostgreSQL (INSTAGRAM_TEST_POSTGRES);
//   3. fan-out latency to an author's followers (cold and warm), and a celebrity's post reaching no timeline;
//   4. feed reads with the Orleans dashboard on (unwatched) against off.
// Usage: Feed.Benchmarks [--window s] [--warmup s] [--authors n] [--posts-per-author n] [--readers n] [--follows n] [--connections n]
//                        [--fanout-followers n] [--celebrity-followers n] [--sample n] [--seed n] [--only feed|pull|fanout|celebrity|dashboard]
using Feed.Benchmarks;
using Feed.Benchmarks.Scenarios;

var options = FeedBenchmarkOptions.Parse(args);
var report = new FeedBenchmarkReport(Console.Out);
report.Header(options);

// wrk's Lua script and token lists.
var workDirectory = Directory.CreateTempSubdirectory("instagram-feed-bench-wrk-").FullName;
try
{
    if (options.Runs("feed"))
    {
        await FeedReadBenchmark.RunAsync(options, report, workDirectory);
    }

    if (options.Runs("pull"))
    {
        await GrainVsPullBenchmark.RunAsync(options, report, workDirectory);
    }

    if (options.Runs("fanout"))
    {
        await FanoutBenchmark.RunAsync(options, report);
    }

    if (options.Runs("celebrity"))
    {
        await CelebrityBenchmark.RunAsync(options, report);
    }

    if (options.Runs("dashboard"))
    {
        await DashboardCostBenchmark.RunAsync(options, report, workDirectory);
    }
}
finally
{
    Directory.Delete(workDirectory, recursive: true);
}
