using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class ActivationSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Grain_is_activated_by_its_first_call_and_only_once()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("first-call");

        Assert.Equal(0, silo.Probe.Count("activate:counter/first-call"));
        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(3, await silo.Grains.GetGrain<ICounterGrain>("first-call").IncrementAsync());
        Assert.Equal(1, silo.Probe.Count("activate:counter/first-call"));
    }

    [Fact]
    public async Task Idle_activation_is_collected_then_reactivated_from_stored_state()
    {
        var silo = await StartSiloAsync(options =>
        {
            options.CollectionAge = TimeSpan.FromSeconds(1);
            options.CollectionQuantum = TimeSpan.FromMilliseconds(100);
        });
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>("idle");
        for (var i = 0; i < 3; i++)
        {
            await grain.IncrementAsync();
        }

        await Eventually.TrueAsync(
            () => silo.Probe.Count("deactivate:persistentcounter/idle:ActivationIdle") == 1,
            "the idle activation is collected");

        Assert.Equal(3, await grain.GetAsync());
        Assert.Equal(2, silo.Probe.Count("activate:persistentcounter/idle"));
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_call()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>("asked-to-go");
        await grain.IncrementAsync();

        await grain.DeactivateAsync();
        await Eventually.TrueAsync(
            () => silo.Probe.Count("deactivate:persistentcounter/asked-to-go:ApplicationRequested") == 1,
            "the grain deactivates when asked");

        Assert.Equal(1, await grain.GetAsync());
        Assert.Equal(2, silo.Probe.Count("activate:persistentcounter/asked-to-go"));
    }

    [Fact]
    public async Task Requests_arriving_during_deactivation_reach_the_next_activation()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>("busy-while-leaving");
        await grain.IncrementAsync();

        var deactivation = grain.DeactivateAsync();
        var increments = Enumerable.Range(0, 50).Select(_ => grain.IncrementAsync()).ToList();
        await deactivation;
        var results = await Task.WhenAll(increments);

        Assert.Equal(Enumerable.Range(2, 50), results.Order());
        Assert.Equal(51, await grain.GetAsync());
    }
}

public sealed class ActivationOnSqlite(ITestOutputHelper output) : ActivationSpecification(StorageKind.Sqlite, output);

public sealed class ActivationOnPostgres(ITestOutputHelper output) : ActivationSpecification(StorageKind.Postgres, output);
