using System.Runtime.InteropServices;

namespace Runtime.Benchmarks;

/// <summary>Plain aligned text, so the numbers paste into issue notes as they are.</summary>
internal sealed class BenchmarkReport(TextWriter output)
{
    public void Header(BenchmarkOptions options)
    {
        output.WriteLine($"Grain runtime benchmark — {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        output.WriteLine($"window {options.Window.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up; server GC {System.Runtime.GCSettings.IsServerGC}");
        output.WriteLine();
    }

    public void CallTable(IReadOnlyList<LoadResult> results, LoadResult direct, LoadResult bare)
    {
        output.WriteLine($"{"calls",-44} {"callers",8} {"calls/s",13} {"p50",10} {"p99",10} {"direct/this",12} {"this/bare",10}");
        foreach (var result in results)
        {
            output.WriteLine(
                $"{result.Scenario,-44} {result.Callers,8} {result.PerSecond,13:N0} {Format(result.P50),10} {Format(result.P99),10} " +
                $"{direct.PerSecond / result.PerSecond,11:F1}x {result.PerSecond / bare.PerSecond,9:P0}");
        }

        output.WriteLine();
    }

    public void WriteTable(IReadOnlyList<LoadResult> results)
    {
        output.WriteLine($"{"durable state writes",-44} {"writers",8} {"writes/s",13} {"p50",10} {"p99",10}");
        foreach (var result in results)
        {
            output.WriteLine($"{result.Scenario,-44} {result.Callers,8} {result.PerSecond,13:N0} {Format(result.P50),10} {Format(result.P99),10}");
        }

        output.WriteLine();
    }

    public void Note(string text) => output.WriteLine(text);

    private static string Format(TimeSpan latency) => latency.TotalMicroseconds switch
    {
        >= 1000 => $"{latency.TotalMilliseconds:F2} ms",
        >= 1 => $"{latency.TotalMicroseconds:F1} µs",
        _ => "<0.1 µs", // TimeSpan resolves 100 ns
    };
}
