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

    public void CallTable(IReadOnlyList<CallResult> results, CallResult direct, CallResult bare)
    {
        output.WriteLine($"{"calls",-44} {"callers",8} {"calls/s",13} {"p50",10} {"p99",10} {"direct/this",12} {"this/bare",10}");
        foreach (var result in results)
        {
            output.WriteLine(
                $"{result.Scenario,-44} {result.Concurrency,8} {result.CallsPerSecond,13:N0} {Format(result.P50),10} {Format(result.P99),10} " +
                $"{direct.CallsPerSecond / result.CallsPerSecond,11:F1}x {result.CallsPerSecond / bare.CallsPerSecond,9:P0}");
        }

        output.WriteLine();
    }

    public void WriteTable(IReadOnlyList<WriteResult> results)
    {
        output.WriteLine($"{"durable state writes",-44} {"writers",8} {"writes/s",13} {"p50",10} {"p99",10}");
        foreach (var result in results)
        {
            output.WriteLine($"{result.Storage,-44} {result.Writers,8} {result.WritesPerSecond,13:N0} {Format(result.P50),10} {Format(result.P99),10}");
        }

        output.WriteLine();
    }

    public void Note(string text) => output.WriteLine(text);

    private static string Format(TimeSpan latency) => latency.TotalMicroseconds switch
    {
        >= 1000 => $"{latency.TotalMilliseconds:F2} ms",
        >= 1 => $"{latency.TotalMicroseconds:F1} µs",
        _ => $"{latency.TotalNanoseconds:F0} ns",
    };
}
