using System.Diagnostics;

namespace Grains.Benchmarks.Measuring;

/// <summary>What the whole process has spent so far, or between two readings: bytes allocated and CPU time.</summary>
[GenerateSerializer, Immutable, Alias("bench.ProcessCost")]
public sealed record ProcessCost(long AllocatedBytes, TimeSpan Cpu)
{
    public static ProcessCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessCost(GC.GetTotalAllocatedBytes(), process.TotalProcessorTime);
    }

    public static ProcessCost operator -(ProcessCost after, ProcessCost before) =>
        new(after.AllocatedBytes - before.AllocatedBytes, after.Cpu - before.Cpu);
}
