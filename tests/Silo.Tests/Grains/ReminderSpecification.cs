using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Silo.Tests.Infrastructure;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Grains;

/// <summary>
/// Reminders are the durable half of every background job (see docs/orleans.md): they must outlive the
/// silo that registered them, and a starting silo must resume pending work without waiting for a period.
/// </summary>
public abstract class ReminderSpecification(Database kind) : IAsyncLifetime
{
    private SiloDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SiloDatabase.CreateAsync(kind);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_reminder_fires_again_after_the_silo_restarts()
    {
        var key = Guid.NewGuid();
        var ticks = ReminderProbeGrain.TicksOf(key);
        await using (var first = await StartAsync())
        {
            await first.Grains.GetGrain<IReminderProbeGrain>(key).StartAsync("probe", TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => !ticks.IsEmpty, "the reminder ticks");
        }

        ticks.Clear();
        await using var second = await StartAsync();

        // Nothing called the grain since the restart: only the stored reminder can bring it back.
        await Eventually.TrueAsync(() => ticks.Contains("probe"), "the reminder ticks after the restart", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_starting_silo_ticks_pending_work_reminders_at_once_and_no_others()
    {
        var key = Guid.NewGuid();
        var ticks = ReminderProbeGrain.TicksOf(key);
        await using (var first = await StartAsync())
        {
            var probe = first.Grains.GetGrain<IReminderProbeGrain>(key);
            await probe.StartAsync("work:probe", TimeSpan.FromHours(1)); // the name says: pending work
            await probe.StartAsync("hourly", TimeSpan.FromHours(1));
        }

        await using var second = await StartAsync();
        await second.PendingWorkRecovery.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["work:probe"], ticks); // long before its hour, and the other reminder not at all
    }

    // Reminders as often as every second, instead of Orleans' production minimum of a minute.
    private Task<ProductSilo> StartAsync() =>
        ProductSilo.StartAsync(_database, services => services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
}

public sealed class RemindersOnSqlite() : ReminderSpecification(Database.Sqlite);

public sealed class RemindersOnPostgres() : ReminderSpecification(Database.Postgres);
