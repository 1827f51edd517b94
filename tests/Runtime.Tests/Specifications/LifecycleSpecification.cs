using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;
using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class LifecycleSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Stopping_twice_at_once_runs_the_stop_sequence_once_and_both_callers_wait_for_it()
    {
        var silo = await StartSiloAsync();
        var status = silo.Services.GetRequiredService<SiloStatus>();
        await silo.Grains.GetGrain<IPersistentCounterGrain>("stopped-twice").IncrementAsync();

        var first = silo.StopAsync();
        var second = silo.StopAsync();

        await second;
        Assert.Equal(SiloState.Stopped, status.State);
        await first;
        Assert.Single(silo.Logs.Messages, m => m.StartsWith("Stopped deactivating grains", StringComparison.Ordinal));
        Assert.Single(silo.Logs.Messages, m => m.StartsWith("Stopped Reminders", StringComparison.Ordinal));
        Assert.Equal(1, silo.Probe.Count("deactivate:persistentcounter/stopped-twice:ShuttingDown"));
    }

    [Fact]
    public async Task Shutdown_deactivates_every_grain_and_then_refuses_calls()
    {
        var silo = await StartSiloAsync();
        var grains = Enumerable.Range(0, 20).Select(i => silo.Grains.GetGrain<IPersistentCounterGrain>("shut-" + i)).ToList();
        await Task.WhenAll(grains.Select(g => g.IncrementAsync()));

        await silo.StopAsync();

        Assert.Equal(20, silo.Probe.Events.Count(e => e.EndsWith(":ShuttingDown", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grains[0].IncrementAsync());
    }
}

public sealed class LifecycleOnSqlite(ITestOutputHelper output) : LifecycleSpecification(StorageKind.Sqlite, output);

public sealed class LifecycleOnPostgres(ITestOutputHelper output) : LifecycleSpecification(StorageKind.Postgres, output);
