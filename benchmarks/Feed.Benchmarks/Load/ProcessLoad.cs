using System.Diagnostics;

namespace Feed.Benchmarks.Load;

/// <summary>This process's CPU time, allocations, collections and thread-pool work, per request of a measured window.</summary>
internal sealed record ProcessCost(TimeSpan CpuPerRequest, long BytesPerRequest, double WorkItemsPerRequest, int Gen0, int Gen1, int Gen2, int Threads);

/// <summary>
/// Reads this process's own counters around a load window: what a request costs the server (wrk and
/// PostgreSQL run in other processes and are not counted), without attaching a profiler.
/// </summary>
internal sealed class ProcessLoad
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly long _workItems;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;

    private ProcessLoad()
    {
        using var process = Process.GetCurrentProcess();
        _cpu = process.TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
        _workItems = ThreadPool.CompletedWorkItemCount;
        _gen0 = GC.CollectionCount(0);
        _gen1 = GC.CollectionCount(1);
        _gen2 = GC.CollectionCount(2);
    }

    public static ProcessLoad Read() => new();

    public ProcessCost Since(ProcessLoad before, long requests)
    {
        var perRequest = Math.Max(1, requests);
        return new ProcessCost(
            (_cpu - before._cpu) / perRequest,
            (_allocated - before._allocated) / perRequest,
            (_workItems - before._workItems) / (double)perRequest,
            _gen0 - before._gen0,
            _gen1 - before._gen1,
            _gen2 - before._gen2,
            ThreadPool.ThreadCount);
    }
}
