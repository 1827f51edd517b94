using System.Runtime.InteropServices;
using Feed.Benchmarks.Load;

namespace Feed.Benchmarks;

/// <summary>Plain aligned text, so the numbers paste into issue notes as they are.</summary>
internal sealed class FeedBenchmarkReport(TextWriter output)
{
    public void Header(FeedBenchmarkOptions options)
    {
        output.WriteLine($"Home feed benchmark — {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Machine()}");
        output.WriteLine($"server GC {System.Runtime.GCSettings.IsServerGC}; load from wrk (1 thread, {options.Connections} connections, a second process on the same cores) " +
            $"for {options.Window.TotalSeconds:F0} s after warm-up load (at least {options.Warmup.TotalSeconds:F0} s, until steady); seed {options.Seed}");
        output.WriteLine();
    }

    public void Section(string title)
    {
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }

    /// <summary>Requests per second and latency of each endpoint, with its throughput against <paramref name="reference"/>.</summary>
    public void LoadTable(IReadOnlyList<LoadResult> results, LoadResult reference)
    {
        output.WriteLine($"{"endpoint",-58} {"requests/s",11} {"p50",10} {"p99",10} {"errors",7} {"vs " + Short(reference.Scenario),14}");
        foreach (var result in results)
        {
            output.WriteLine(
                $"{result.Scenario,-58} {result.PerSecond,11:N0} {Format(result.P50),10} {Format(result.P99),10} {result.Errors,7:N0} {result.PerSecond / reference.PerSecond,13:F2}x");
        }
    }

    /// <summary>What each request cost this process (the server; wrk and PostgreSQL are other processes).</summary>
    public void CostTable(IReadOnlyList<LoadResult> results)
    {
        output.WriteLine($"{"server cost per request (this process)",-58} {"CPU",10} {"allocated",11} {"pool items",11} {"GCs 0/1/2",12} {"threads",8}");
        foreach (var result in results)
        {
            var cost = result.Cost;
            output.WriteLine(
                $"{result.Scenario,-58} {Format(cost.CpuPerRequest),10} {cost.BytesPerRequest / 1024.0,8:N1} KiB {cost.WorkItemsPerRequest,11:N1} " +
                $"{$"{cost.Gen0}/{cost.Gen1}/{cost.Gen2}",12} {cost.Threads,8}");
        }
    }

    /// <summary>A ratio with its goal (null when there is none to meet).</summary>
    public void Ratio(string name, double ratio, double? goal)
    {
        var verdict = goal is { } g ? $" (goal ≥ {g:F1}: {(ratio >= g ? "met" : "NOT met")})" : string.Empty;
        output.WriteLine($"ratio {name} = {ratio:F2}{verdict}");
    }

    /// <summary>Grain calls per request during a measured window, counted by a grain call filter.</summary>
    public void CallsPerRequest(IReadOnlyList<GrainCallDelta> calls, long requests)
    {
        output.WriteLine($"  {"grain calls per request (grain call filter)",-50} {"calls",8} {"mean latency",13}");
        foreach (var call in calls)
        {
            output.WriteLine($"  {call.GrainType + "." + call.Method,-50} {call.Calls / (double)requests,8:F2} {Format(call.MeanLatency),13}");
        }

        output.WriteLine($"  {"total",-50} {calls.Sum(c => c.Calls) / (double)requests,8:F2}");
    }

    public void InProcess(InProcessResult result, int loops) =>
        output.WriteLine(
            $"the feed's work without HTTP (in-process, {loops} {(loops == 1 ? "loop" : "loops")}, no wrk): {result.PerSecond:N0} pages/s, {Format(result.CpuPerPage)} CPU per page; " +
            $"per page timeline {Format(result.Timeline)}, hydration {Format(result.Hydration)}, JSON {Format(result.Serialization)} " +
            (loops == 1 ? "(one page at a time: the unloaded cost of a request's grain calls)" : $"(latencies under {loops} concurrent pages)"));

    public void WarmUp(string endpoint, IReadOnlyList<double> rounds) =>
        output.WriteLine($"warm-up {endpoint}: {rounds.Count} rounds of 2 s until steady, requests/s {string.Join(" → ", rounds.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");

    public void Note(string text) => output.WriteLine(text);

    public void Blank() => output.WriteLine();

    public static string Format(TimeSpan latency) => latency.TotalMicroseconds switch
    {
        >= 1_000_000 => $"{latency.TotalSeconds:F2} s",
        >= 1000 => $"{latency.TotalMilliseconds:F2} ms",
        >= 1 => $"{latency.TotalMicroseconds:F1} µs",
        _ => "<1 µs",
    };

    public static string Ms(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds:N0} ms";

    private static string Short(string scenario) => scenario.Split(' ', 3) is [_, var path, ..] ? path.Split('?')[0].Split('/')[^1] : scenario;

    /// <summary>The CPU model, for telling machines apart in pasted results.</summary>
    private static string Machine()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
