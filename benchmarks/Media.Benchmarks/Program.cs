// Image pipeline benchmark. Generates a 3000×2000 JPEG with detail, then measures in this one run:
// our processor rendering the four variants plus blurhash, vipsthumbnail producing the same four sizes as
// four runs, images per second with parallel workers, and memory per job.
// Usage: Media.Benchmarks [--iterations n] [--workers n]
using Media.Benchmarks;

var options = MediaBenchmarkOptions.Parse(args);
var report = new MediaBenchmarkReport(Console.Out);
report.Header(options);

using var workspace = new BenchmarkWorkspace();
var photo = BenchmarkPhoto.Create(workspace.Path, options.Width, options.Height);
report.Note($"input: {options.Width}×{options.Height} JPEG Q90, {new FileInfo(photo).Length / 1024} KiB");
report.Note("");

// Memory first, in a fresh process: libvips's high-water mark only ever rises.
report.Memory(JobMemory.MeasureOneJob(photo));

var ours = ProcessorLatency.Measure(photo, options.Iterations, threadsPerImage: 1);
var oursAllThreads = ProcessorLatency.Measure(photo, options.Iterations, threadsPerImage: Environment.ProcessorCount);
var baseline = VipsThumbnailBaseline.Measure(photo, workspace.Path, options.Iterations);
report.Latency(ours, oursAllThreads, baseline, VipsThumbnailBaseline.MeasureProcessStarts(options.Iterations));

report.Throughput(ProcessorThroughput.Measure(photo, options.Workers, options.Iterations));
