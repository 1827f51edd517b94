// Grain call benchmark. Hosts an Orleans silo in this process with grains of its own and prints, against
// baselines measured in the same run (a direct interface call; a bare work queue per grain):
//   1. calls from outside a grain, as the frontend makes them: one at a time and many outstanding, to 1, 100 and 10 000 grains;
//   2. grain-to-grain calls, the calling loop running inside grains, to 1, 100 and 10 000 grains;
//   3. what a message without [Immutable] costs per call (Orleans deep-copies it), small and page-sized.
// Usage: Grains.Benchmarks [--seconds s] [--warmup s] [--process-warmup s] [--concurrency n] [--calling-grains n]
//                          [--page-size n] [--only frontend|grain-to-grain|messages]
using Grains.Benchmarks;
using Grains.Benchmarks.Hosting;
using Grains.Benchmarks.Scenarios;

var options = GrainBenchmarkOptions.Parse(args);
var report = new GrainBenchmarkReport(Console.Out);
report.Header(options);

// Before the silo starts, so no runtime runs beside the baselines.
var baselines = options.RunsCalls ? await BaselineScenarios.MeasureAsync(options) : null;
if (baselines is not null)
{
    report.CallTable("Baselines (no Orleans)", baselines.All);
}

await using var silo = await BenchmarkSilo.StartAsync();
await ProcessWarmup.RunAsync(silo.Grains, options.ProcessWarmup);
if (baselines is not null && options.Runs("frontend"))
{
    report.CallTable("Calls from outside a grain (the frontend's IGrainFactory)", await FrontendCallScenarios.MeasureAsync(silo.Grains, options, baselines));
}

if (baselines is not null && options.Runs("grain-to-grain"))
{
    report.CallTable("Grain to grain (the calling loops run in grains)", await GrainToGrainScenarios.MeasureAsync(silo.Grains, options, baselines));
}

if (options.Runs("messages"))
{
    report.MessageTable(await MessageCopyScenarios.MeasureAsync(silo, options));
}
