using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class ReminderSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task A_reminder_fires_after_the_host_restarts()
    {
        var before = await StartSiloAsync();
        await before.Grains.GetGrain<IReminderGrain>("sleeper").StartAsync("wake-up", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await StopSiloAsync(before);

        var after = await StartSiloAsync();

        await Eventually.TrueAsync(
            () => after.Probe.Count("tick:reminder/sleeper:wake-up") >= 2,
            "the reminder registered before the restart keeps ticking in the new host");
    }

    [Fact]
    public async Task An_unregistered_reminder_is_gone_from_storage()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IReminderGrain>("quitter");
        await grain.StartAsync("once", TimeSpan.Zero, TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => silo.Probe.Count("tick:reminder/quitter:once") >= 1, "the reminder ticks");

        await grain.StopAsync("once");

        Assert.Empty(await grain.GetReminderNamesAsync());
    }

    [Fact]
    public async Task A_tick_missed_while_no_silo_ran_is_delivered_once_at_start()
    {
        var before = await StartSiloAsync();
        var dueAt = DateTime.UtcNow.AddSeconds(1.5);
        await before.Grains.GetGrain<IReminderGrain>("missed").StartAsync("daily", TimeSpan.FromSeconds(1.5), TimeSpan.FromDays(1));
        await StopSiloAsync(before);
        await Eventually.TrueAsync(() => DateTime.UtcNow > dueAt.AddMilliseconds(200), "the tick falls due while no silo runs");

        var after = await StartSiloAsync();
        var grain = after.Grains.GetGrain<IReminderGrain>("missed");
        await Eventually.TrueAsync(() => after.Probe.Count("tick:reminder/missed:daily") == 1, "the missed tick is delivered at start");
        await ProbeTheScheduleAsync(after, grain);

        Assert.Equal(1, after.Probe.Count("tick:reminder/missed:daily"));
    }

    [Fact]
    public async Task A_restart_invents_no_tick_that_was_not_missed()
    {
        var before = await StartSiloAsync();
        await before.Grains.GetGrain<IReminderGrain>("hourly").StartAsync("hourly", TimeSpan.Zero, TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => before.Probe.Count("tick:reminder/hourly:hourly") == 1, "the first tick is delivered");
        await StopSiloAsync(before);

        var after = await StartSiloAsync();
        await ProbeTheScheduleAsync(after, after.Grains.GetGrain<IReminderGrain>("hourly"));

        Assert.Equal(0, after.Probe.Count("tick:reminder/hourly:hourly")); // the next one is due in an hour
    }

    [Fact]
    public async Task A_reminder_far_in_the_future_does_not_stall_the_others()
    {
        var silo = await StartSiloAsync();
        await silo.Grains.GetGrain<IReminderGrain>("far").StartAsync("far", TimeSpan.FromDays(60), TimeSpan.FromDays(1));

        await silo.Grains.GetGrain<IReminderGrain>("near").StartAsync("near", TimeSpan.Zero, TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => silo.Probe.Count("tick:reminder/near:near") >= 1, "the near reminder ticks");
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_refused()
    {
        var silo = await StartSiloAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.Grains.GetGrain<IReminderGrain>("hasty").StartAsync("too-often", TimeSpan.Zero, TimeSpan.FromMilliseconds(10)));
    }

    /// <summary>
    /// Registers a reminder due now on the same grain and waits for its tick. Ticks are fired in due
    /// order and the grain takes calls in order, so any tick scheduled for start-up arrives before it.
    /// </summary>
    private static async Task ProbeTheScheduleAsync(TestSilo silo, IReminderGrain grain)
    {
        await grain.StartAsync("probe", TimeSpan.Zero, TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => silo.Probe.Count($"tick:{grain.GetGrainId()}:probe") == 1, "the probe reminder ticks");
    }
}

public sealed class RemindersOnSqlite(ITestOutputHelper output) : ReminderSpecification(StorageKind.Sqlite, output);

public sealed class RemindersOnPostgres(ITestOutputHelper output) : ReminderSpecification(StorageKind.Postgres, output);
