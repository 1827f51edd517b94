using Microsoft.Extensions.DependencyInjection;
using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class TimerSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Timer_ticks_are_turns_that_never_overlap_requests()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ITimerGrain>("ticking");
        await grain.StartAsync(TimeSpan.FromMilliseconds(10));

        var calls = Enumerable.Range(0, 100).Select(_ => grain.SlowCallAsync()).ToList();
        await Eventually.ValueAsync(grain.GetTicksAsync, ticks => ticks >= 5, "the timer ticks");
        await Task.WhenAll(calls);
        await grain.StopAsync();

        Assert.Equal(0, await grain.GetOverlapsAsync());
    }

    [Fact]
    public async Task A_timer_started_in_OnActivateAsync_ticks_once_activation_ends()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IActivationTimerGrain>("early-timer");

        await Eventually.ValueAsync(grain.GetTicksAsync, ticks => ticks >= 5, "the timer keeps ticking after its first tick fell due during activation");
    }

    [Fact]
    public async Task Ticks_of_one_timer_never_overlap_even_when_interleaving_and_changed_mid_tick()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ITimerGrain>("restarted");
        await grain.StartInterleavedAsync(TimeSpan.FromMilliseconds(5));

        // Each restart re-arms the timer at once while a 50 ms tick is running, so the next tick falls due mid-tick.
        for (var i = 0; i < 5; i++)
        {
            await Eventually.ValueAsync(grain.IsTickingAsync, ticking => ticking, "a tick is running");
            await grain.RestartAsync();
        }

        await Eventually.ValueAsync(grain.GetTicksAsync, ticks => ticks >= 8, "the timer keeps ticking");
        Assert.Equal(1, await grain.GetMaxConcurrentTicksAsync());
    }

    [Fact]
    public async Task Disposed_timers_are_released_by_their_activation()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<ITimerGrain>("churn");

        await grain.ChurnAsync(10_000);

        var activation = silo.Services.GetRequiredService<SiloRuntime>().Catalog.Activations.Single(a => a.GrainId == grain.GetGrainId());
        Assert.Equal(0, activation.TimerCount);
    }
}

public sealed class TimersOnSqlite(ITestOutputHelper output) : TimerSpecification(StorageKind.Sqlite, output);

public sealed class TimersOnPostgres(ITestOutputHelper output) : TimerSpecification(StorageKind.Postgres, output);
