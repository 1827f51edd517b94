using System.Data.Common;
using System.Globalization;
using Runtime.Storage.Relational;

namespace Runtime.Reminders;

/// <summary>Reminders in the <c>reminders</c> table, keyed by grain id and reminder name.</summary>
internal sealed class RelationalReminderTable(RelationalDatabase database) : IReminderTable
{
    // One reminder service per database for now; with several silos each will own a range of reminders.
    private const string ServiceName = "reminders";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            (connection, transaction, ct) => ReadEntriesAsync(connection.CreateCommand("SELECT grain_id, reminder_name, start_at, period_ms, version FROM reminders", transaction), ct),
            cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            (connection, transaction, ct) => ReadEntriesAsync(
                connection.CreateCommand("SELECT grain_id, reminder_name, start_at, period_ms, version FROM reminders WHERE grain_id = @grain", transaction)
                    .With("@grain", grainId.ToString()),
                ct),
            cancellationToken);

    public Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var upsert = connection.CreateCommand(
                    """
                    INSERT INTO reminders (grain_id, reminder_name, start_at, period_ms, version)
                    VALUES (@grain, @name, @start, @period, 1)
                    ON CONFLICT (grain_id, reminder_name)
                    DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1
                    RETURNING version
                    """, transaction)
                    .With("@grain", entry.GrainId.ToString())
                    .With("@name", entry.Name)
                    .With("@start", entry.StartAt.ToUnixTimeMilliseconds())
                    .With("@period", (long)entry.Period.TotalMilliseconds);
                var version = Convert.ToInt64(await upsert.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
                return entry with { ETag = version.ToString(CultureInfo.InvariantCulture) };
            },
            cancellationToken);

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var delete = connection.CreateCommand("DELETE FROM reminders WHERE grain_id = @grain AND reminder_name = @name", transaction)
                    .With("@grain", grainId.ToString())
                    .With("@name", name);
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    public Task<DateTimeOffset?> ReadHeartbeatAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT alive_at FROM reminder_heartbeat WHERE service = @service", transaction)
                    .With("@service", ServiceName);
                return await select.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } value and not DBNull
                    ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture))
                    : (DateTimeOffset?)null;
            },
            cancellationToken);

    public Task WriteHeartbeatAsync(DateTimeOffset aliveAt, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var upsert = connection.CreateCommand(
                    """
                    INSERT INTO reminder_heartbeat (service, alive_at) VALUES (@service, @aliveAt)
                    ON CONFLICT (service) DO UPDATE SET alive_at = excluded.alive_at
                    """, transaction)
                    .With("@service", ServiceName)
                    .With("@aliveAt", aliveAt.ToUnixTimeMilliseconds());
                return await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static async ValueTask<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new ReminderEntry(
                    GrainId.Parse(reader.GetString(0)),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    reader.GetInt64(4).ToString(CultureInfo.InvariantCulture)));
            }

            return entries;
        }
    }
}
