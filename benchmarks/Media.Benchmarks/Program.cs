// Image pipeline benchmark. Generates a 3000×2000 JPEG with detail, then measures in this one run:
// our processor rendering the four variants plus blurhash, vipsthumbnail producing the same four sizes as
// four runs, images per second with parallel workers, and memory per job. Optionally repeats the parallel
// phase and soaks the processor with many jobs, to show it survives them (a native crash ends the process,
// so a printed "no crash" line is the evidence, and the exit code says it to a shell loop).
// Usage: Media.Benchmarks [--iterations n] [--workers n] [--throughput-runs n] [--soak n] [--parallel-only]
using Media.Benchmarks;

var options = MediaBenchmarkOptions.Parse(args);
var report = new MediaBenchmarkReport(Console.Out);
report.Header(options);

using var workspace = new BenchmarkWorkspace();
var photo = BenchmarkPhoto.Create(workspace.Path, options.Width, options.Height);
report.Note($"input: {options.Width}×{options.Height} JPEG Q90, {new FileInfo(photo).Length / 1024} KiB");
report.Note("");

if (!options.ParallelOnly)
{
    // Memory first, in a fresh process: libvips's high-water mark only ever rises.
    report.Memory(JobMemory.MeasureOneJob(photo));

    var ours = ProcessorLatency.Measure(photo, options.Iterations, threadsPerImage: 1);
    var oursAllThreads = ProcessorLatency.Measure(photo, options.Iterations, threadsPerImage: Environment.ProcessorCount);
    var baseline = VipsThumbnailBaseline.Measure(photo, workspace.Path, options.Iterations);
    report.Latency(ours, oursAllThreads, baseline, VipsThumbnailBaseline.MeasureProcessStarts(options.Iterations));
}

var processor = ProcessorThroughput.CreateWarmProcessor(photo);
var runs = new List<ThroughputResult>(options.ThroughputRuns);
for (var run = 0; run < options.ThroughputRuns; run++)
{
    runs.Add(ProcessorThroughput.Measure(processor, photo, options.Workers, options.Iterations));
}

report.Throughput(runs[0]);
if (options.ThroughputRuns > 1)
{
    report.ThroughputRuns(runs, options.ThroughputRuns);
}

var failures = runs.Sum(run => run.Failures);
if (options.SoakJobs > 0)
{
    var soak = ProcessorThroughput.Run(processor, photo, options.Workers, options.SoakJobs);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    report.Soak(soak, options.SoakJobs, JobMemory.LibVipsBytesNow, JobMemory.ProcessResidentBytes);
    failures += soak.Failures;
}

// Renders that threw are a failure too, though not a crash.
return failures > 0 ? 1 : 0;
