namespace Instagram.Silo.Storage;

/// <summary>
/// Orleans' ADO.NET providers (clustering, persistence, reminders) keep no SQL of their own: at start-up
/// they read it from the table <c>OrleansQuery</c> (query key → SQL text), then run it with named
/// parameters and read result columns by name. The keys, parameter names and result column names are
/// their contract; the SQL and the tables behind it are ours (see <c>docs/orleans.md</c>).
/// </summary>
internal static class OrleansQueries
{
    /// <summary>The table the providers read (its name and column names are part of the contract).</summary>
    public const string CreateQueryTable = "CREATE TABLE OrleansQuery (QueryKey VARCHAR(64) PRIMARY KEY, QueryText TEXT NOT NULL);";

    /// <summary>
    /// The reminder provider's queries over <c>orleans_reminders</c>, the same SQL in both dialects but for
    /// <paramref name="deleteReminderRow"/>: that one answers one row, one column — 1 when the row at the given
    /// version went, 0 otherwise — which each dialect says its own way. Grain hashes are signed 32-bit; a
    /// range wraps round when its begin is not below its end.
    /// </summary>
    public static Dictionary<string, string> Reminders(string deleteReminderRow) => new()
    {
        ["ReadReminderRowsKey"] = $"SELECT {ReminderColumns} FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId",
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminders
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
                version = orleans_reminders.version + 1
            RETURNING version AS Version
            """,
        ["DeleteReminderRowKey"] = deleteReminderRow,
        ["DeleteReminderRowsKey"] = "DELETE FROM orleans_reminders WHERE service_id = @ServiceId",
    };

    // Result columns are read by these names (case-insensitively in both Npgsql and Microsoft.Data.Sqlite).
    private const string ReminderColumns = "grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version";

    /// <summary>Rows for <c>OrleansQuery</c> as SQL, one INSERT per query.</summary>
    public static string Insert(IReadOnlyDictionary<string, string> queries) =>
        string.Concat(queries.Select(query => $"INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ({Literal(query.Key)}, {Literal(query.Value)});\n"));

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
