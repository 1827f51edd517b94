using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Grains.Benchmarks.Scenarios;

namespace Grains.Benchmarks;

/// <summary>Plain aligned text, so the numbers paste into issue notes and docs as they are.</summary>
internal sealed class GrainBenchmarkReport(TextWriter output)
{
    public void Header(GrainBenchmarkOptions options)
    {
        output.WriteLine($"Grain call benchmark — {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Machine()}");
        output.WriteLine($"Orleans {OrleansVersion()} silo in this process (localhost clustering, no storage); server GC {System.Runtime.GCSettings.IsServerGC}; load average at start {LoadAverage()}");
        output.WriteLine($"grain rows after {options.ProcessWarmup.TotalSeconds:0.#} s of unmeasured calls (JIT); each row: {options.Timing.Warmup.TotalSeconds:0.#} s warm-up, then {options.Timing.Window.TotalSeconds:0.#} s measured; " +
            $"concurrent rows keep {options.Concurrency:N0} calls outstanding; targets round-robin; p50/p99 from a log-linear histogram (±3 %)");
        output.WriteLine("ratio = calls/s ÷ the baseline's calls/s; max = the slowest call (a stall of the process shows there, not in p99);");
        output.WriteLine("CPU/call, alloc/call = the whole process's CPU time (all threads, GC, idle spinning) and allocated bytes during the run ÷ calls made (warm-up included)");
        output.WriteLine();
    }

    public void CallTable(string title, IEnumerable<CallRow> rows)
    {
        Section(title);
        output.WriteLine($"{"scenario",-50} {"outstanding",11} {"calls/s",12} {"p50",10} {"p99",10} {"max",10} {"CPU/call",9} {"alloc/call",10} {"ratio",7}  baseline");
        foreach (var row in rows)
        {
            var measured = row.Measured;
            var ratio = row.Baseline is { } baseline ? (measured.CallsPerSecond / baseline.Measured.CallsPerSecond).ToString("F3", CultureInfo.InvariantCulture) : "";
            output.WriteLine(
                $"{row.Scenario,-50} {row.Outstanding,11:N0} {measured.CallsPerSecond,12:N0} {Time(measured.P50Nanoseconds),10} {Time(measured.P99Nanoseconds),10} {Time(measured.MaxNanoseconds),10} " +
                $"{Time(measured.CpuNanosecondsPerCall),9} {Bytes(measured.AllocatedBytesPerCall),10} {ratio,7}  {row.Baseline?.Scenario}");
        }

        output.WriteLine();
    }

    public void MessageTable(IEnumerable<MessageCopyRow> rows)
    {
        Section("Messages: [Immutable] or copied (grain to grain, one call at a time, one sink grain)");
        output.WriteLine($"{"message",-50} {"[Immutable]",12} {"copied",10} {"ratio",7} {"extra",10} {"CPU/call",20} {"copy alone",11} {"alloc/call",22}");
        foreach (var row in rows)
        {
            output.WriteLine(
                $"{row.Message,-50} {Time(row.ImmutableNanoseconds),12} {Time(row.CopiedNanoseconds),10} {row.CopiedNanoseconds / row.ImmutableNanoseconds,7:F2} " +
                $"{Signed(row.CopiedNanoseconds - row.ImmutableNanoseconds),10} " +
                $"{Time(row.ImmutableCpuNanoseconds) + " → " + Time(row.CopiedCpuNanoseconds),20} {Time(row.CopyAloneNanoseconds),11} " +
                $"{Bytes(row.ImmutableBytesPerCall) + " → " + Bytes(row.CopiedBytesPerCall),22}");
        }

        output.WriteLine("[Immutable], copied: wall-clock time per call, the median of 10 alternating rounds; ratio = copied ÷ [Immutable]; extra = copied − [Immutable];");
        output.WriteLine("CPU/call, alloc/call: the whole process's over all rounds ÷ calls, [Immutable] → copied;");
        output.WriteLine("copy alone = Orleans' deep copier on the copied message outside any call (the proxy assigns an [Immutable] argument as it is)");
        output.WriteLine();
    }

    private void Section(string title)
    {
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1_000_000 => $"{nanoseconds / 1_000_000:F2} ms",
        >= 1000 => $"{nanoseconds / 1000:F2} µs",
        _ => $"{nanoseconds:F0} ns",
    };

    private static string Signed(double nanoseconds) => (nanoseconds < 0 ? "−" : "+") + Time(Math.Abs(nanoseconds));

    private static string Bytes(double bytes) => bytes >= 10 * 1024 ? $"{bytes / 1024:F1} KiB" : $"{bytes:F0} B";

    private static string OrleansVersion()
    {
        var version = typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        return version.Split('+', ' ')[0].TrimEnd('.'); // "10.4.2. Commit Hash: …" or "10.4.2+…"
    }

    /// <summary>Others' builds on the same 2 cores show here: a high figure means noisy rows.</summary>
    private static string LoadAverage() => ReadFirstLine("/proc/loadavg") is { } line ? string.Join(' ', line.Split(' ').Take(3)) : "n/a";

    /// <summary>The CPU model, for telling machines apart in pasted results.</summary>
    private static string Machine() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
}
