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
    public async Task A_period_below_the_minimum_is_refused()
    {
        var silo = await StartSiloAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.Grains.GetGrain<IReminderGrain>("hasty").StartAsync("too-often", TimeSpan.Zero, TimeSpan.FromMilliseconds(10)));
    }
}

public sealed class RemindersOnSqlite(ITestOutputHelper output) : ReminderSpecification(StorageKind.Sqlite, output);

public sealed class RemindersOnPostgres(ITestOutputHelper output) : ReminderSpecification(StorageKind.Postgres, output);
