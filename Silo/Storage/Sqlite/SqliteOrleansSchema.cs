namespace Instagram.Silo.Storage.Sqlite;

/// <summary>
/// Orleans' tables in the embedded SQLite file: grain state for <see cref="SqliteGrainStorage"/>, and the
/// reminders table with the queries Orleans' ADO.NET reminder provider reads from <c>OrleansQuery</c>
/// (invariant <c>System.Data.SQLite</c>, which the provider serves with Microsoft.Data.Sqlite). Embedded
/// mode has one silo, so there is no membership table.
/// </summary>
internal static class SqliteOrleansSchema
{
    // A property, not a field: it reads the query table below, which static initialisation would reach later.
    public static IReadOnlyList<SchemaMigration> Migrations =>
    [
        new(1, "Orleans grain state and reminders", $"""
            -- The retired in-house runtime's tables, if this file had them: grain state was only derived data
            -- (timelines rebuild from the graph) or short-lived (idempotency keys), and its jobs became rows' own state.
            DROP TABLE IF EXISTS grain_state;
            DROP TABLE IF EXISTS reminders;
            DROP TABLE IF EXISTS reminder_heartbeat;
            DROP TABLE IF EXISTS stream_queue;
            DROP TABLE IF EXISTS stream_dead_letters;
            DELETE FROM schema_migrations WHERE component = 'runtime';

            -- payload NULL is a cleared record (a tombstone): it keeps its version, so an ETag never repeats.
            CREATE TABLE grain_state (
                grain_type TEXT    NOT NULL,
                grain_key  TEXT    NOT NULL,
                state_name TEXT    NOT NULL,
                payload    BLOB,
                version    INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            ) WITHOUT ROWID;

            {OrleansQueries.CreateQueryTable}

            -- start_time is text as Microsoft.Data.Sqlite writes a DateTime (UTC by Orleans' convention).
            CREATE TABLE orleans_reminders (
                service_id    TEXT    NOT NULL,
                grain_id      TEXT    NOT NULL,
                reminder_name TEXT    NOT NULL,
                start_time    TEXT    NOT NULL,
                period_ms     INTEGER NOT NULL,
                grain_hash    INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            ) WITHOUT ROWID;
            CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

            {OrleansQueries.Insert(Queries)}
            """),
    ];

    private static readonly Dictionary<string, string> Queries = OrleansQueries.Reminders(deleteReminderRow: """
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
        SELECT changes();
        """);
}
