using Microsoft.Extensions.DependencyInjection;
using Silo.Tests.Infrastructure;

namespace Silo.Tests.Storage;

/// <summary>
/// Orleans' ADO.NET reminder table over our SQL (SQLite and PostgreSQL): rows keyed by grain and name,
/// versions as ETags, and reads by ranges of the grain-hash ring — the way silos split reminders between
/// them — including ranges that wrap round, read back after a restart.
/// </summary>
public abstract class ReminderTableSpecification(Database kind) : IAsyncLifetime
{
    private static readonly DateTime FarAway = DateTime.UtcNow.AddYears(1); // never due while the test runs
    private static readonly TimeSpan Daily = TimeSpan.FromDays(1);

    private SiloDatabase _database = null!;
    private ProductSilo _silo = null!;

    private IReminderTable Table => _silo.Services.GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        _database = await SiloDatabase.CreateAsync(kind);
        _silo = await ProductSilo.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_reads_back_by_grain_and_name_and_its_etag_guards_removal()
    {
        var grain = NewGrainId();
        var etag = await Table.UpsertRow(Entry(grain, "alpha")) ?? throw new InvalidOperationException("no etag");
        await Table.UpsertRow(Entry(grain, "beta"));

        var row = await Table.ReadRow(grain, "alpha");
        Assert.NotNull(row);
        Assert.Equal((grain, "alpha", Daily, etag), (row.GrainId, row.ReminderName, row.Period, row.ETag));
        Assert.Equal(FarAway, row.StartAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["alpha", "beta"], (await Table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order());

        var moved = await Table.UpsertRow(Entry(grain, "alpha")) ?? throw new InvalidOperationException("no etag");
        Assert.NotEqual(etag, moved);
        Assert.False(await Table.RemoveRow(grain, "alpha", etag)); // stale: the row moved on
        Assert.NotNull(await Table.ReadRow(grain, "alpha"));
        Assert.True(await Table.RemoveRow(grain, "alpha", moved));
        Assert.Null(await Table.ReadRow(grain, "alpha"));
        Assert.Equal(["beta"], (await Table.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
    }

    [Fact]
    public async Task Reminders_read_back_by_hash_range_after_a_restart_including_ranges_that_wrap_round()
    {
        var grains = Enumerable.Range(0, 24).Select(_ => NewGrainId()).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, "ranged"));
        }

        await _silo.DisposeAsync();
        _silo = await ProductSilo.StartAsync(_database);

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        (uint Begin, uint End)[] ranges =
        [
            (0, 0), // the whole ring
            (hashes[3], hashes[10]),
            (hashes[20], hashes[4]), // wraps round past uint.MaxValue
            (hashes[10] - 1, hashes[10]), // exactly one: the end is in, the begin is out
            (int.MaxValue - 1000u, int.MaxValue + 1000u), // across the signed boundary the providers compare in
            ((uint)int.MaxValue, hashes[0]),
        ];
        foreach (var (begin, end) in ranges)
        {
            var read = (await Table.ReadRows(begin, end)).Reminders.Where(r => grains.Contains(r.GrainId)).Select(r => r.GrainId).ToHashSet();
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).ToHashSet();
            Assert.True(expected.SetEquals(read), $"range ({begin}, {end}]: expected {expected.Count}, read {read.Count}");
        }

        var one = Assert.Single((await Table.ReadRows(grains[7])).Reminders);
        Assert.Equal(("ranged", Daily), (one.ReminderName, one.Period));
        Assert.Equal(FarAway, one.StartAt, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Orleans' ring semantics: (begin, end], wrapping round when begin is not below end.</summary>
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId NewGrainId() => GrainId.Create("test-reminder-table", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name) => new() { GrainId = grain, ReminderName = name, StartAt = FarAway, Period = Daily };
}

public sealed class ReminderTableOnSqlite() : ReminderTableSpecification(Database.Sqlite);

public sealed class ReminderTableOnPostgres() : ReminderTableSpecification(Database.Postgres);
