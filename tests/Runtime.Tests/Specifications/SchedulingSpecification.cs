using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class SchedulingSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Turns_of_a_non_reentrant_grain_never_overlap_under_heavy_concurrency()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("contended");

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(grain.SlowIncrementAsync));
        var results = await Task.WhenAll(calls);

        Assert.Equal(1000, await grain.GetCountAsync());
        Assert.Equal(1, await grain.GetMaxConcurrentTurnsAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task A_waiting_turn_holds_back_every_other_request_of_a_non_reentrant_grain()
    {
        var silo = await StartSiloAsync(options => options.ResponseTimeout = TimeSpan.FromSeconds(1));
        var grain = silo.Grains.GetGrain<ICounterGrain>("deadlocked");

        // The first call waits for a gate that only the second call opens. The second may not run
        // while the first waits, so both time out instead of completing.
        var waiting = grain.WaitForGateAsync("first", "gate");
        await Eventually.TrueAsync(() => silo.Probe.Events.Contains("start:first"), "the first call is waiting at the gate");
        var opener = grain.OpenGateAsync("gate");

        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        await Assert.ThrowsAsync<TimeoutException>(() => opener);
        Assert.DoesNotContain("end:first", silo.Probe.Events);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_awaits()
    {
        var silo = await StartSiloAsync(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        var grain = silo.Grains.GetGrain<IReentrantGrain>("reentrant");

        var waiting = grain.WaitForReleaseAsync();
        await grain.ReleaseAsync();

        Assert.Equal("released", await waiting);
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other_but_writes_wait()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IInterleavingGrain>("reads");

        var first = grain.ReadAsync("r1", "reads-done");
        var second = grain.ReadAsync("r2", "reads-done");
        await Eventually.TrueAsync(
            () => silo.Probe.Events.Contains("read-start:r1") && silo.Probe.Events.Contains("read-start:r2"),
            "both read-only requests are inside the grain at once");

        var write = grain.WriteAsync("w");

        // Always-interleave runs at once, and sees that the write has not run while reads are in progress.
        Assert.Equal(0, await grain.PeekAsync());

        silo.Probe.Open("reads-done");
        await Task.WhenAll(first, second, write);
        Assert.Equal(1, await grain.PeekAsync());
        var events = silo.Probe.Events.ToList();
        Assert.True(events.IndexOf("write:w") > events.IndexOf("read-end:r1"));
        Assert.True(events.IndexOf("write:w") > events.IndexOf("read-end:r2"));
    }

    [Fact]
    public async Task A_one_way_call_completes_for_the_caller_before_the_grain_has_run()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IOneWayGrain>("fire-and-forget");

        var call = grain.RecordAfterGateAsync("x", "gate");
        Assert.True(call.IsCompletedSuccessfully);

        var recorded = grain.GetRecordedAsync(); // queued behind the one-way turn, which waits at the gate
        silo.Probe.Open("gate");
        Assert.Equal(["x"], await recorded);
    }

    [Fact]
    public async Task A_failing_one_way_call_reports_nothing_to_its_caller()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IOneWayGrain>("fails-quietly");

        await grain.FailAsync();

        Assert.Empty(await grain.GetRecordedAsync());
    }
}

public sealed class SchedulingOnSqlite(ITestOutputHelper output) : SchedulingSpecification(StorageKind.Sqlite, output);

public sealed class SchedulingOnPostgres(ITestOutputHelper output) : SchedulingSpecification(StorageKind.Postgres, output);
