// Grain runtime benchmark. Prints calls per second and latency for 1, 100 and 10 000 grains against a
// direct interface call and a bare per-grain work queue measured in the same process, then durable
// state writes per second to SQLite and (when INSTAGRAM_TEST_POSTGRES is set) PostgreSQL.
// Usage: Runtime.Benchmarks [--window seconds] [--concurrency callers] [--writers n] [--only calls|writes]
using Runtime.Benchmarks;

var options = BenchmarkOptions.Parse(args);
var report = new BenchmarkReport(Console.Out);
report.Header(options);

if (options.RunCalls)
{
    await CallBenchmarks.RunAsync(options, report);
}

if (options.RunWrites)
{
    await WriteBenchmarks.RunAsync(options, report);
}
