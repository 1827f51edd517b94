using Runtime.Storage.Relational;

namespace Runtime.Storage.Sqlite;

/// <summary>The runtime's tables in SQLite. Times are Unix milliseconds.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<SchemaMigration> Runtime =
    [
        new(1, "grain state, reminders, stream queue", """
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

            CREATE TABLE reminders (
                grain_id      TEXT    NOT NULL,
                reminder_name TEXT    NOT NULL,
                start_at      INTEGER NOT NULL,
                period_ms     INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            ) WITHOUT ROWID;

            -- When the reminder service last recorded itself running: ticks due after it were missed.
            CREATE TABLE reminder_heartbeat (
                service  TEXT    PRIMARY KEY,
                alive_at INTEGER NOT NULL
            );

            -- AUTOINCREMENT: sequence numbers are never reused, even after the newest row is deleted,
            -- because consumers deduplicate by them.
            CREATE TABLE stream_queue (
                sequence         INTEGER PRIMARY KEY AUTOINCREMENT,
                provider         TEXT    NOT NULL,
                stream_namespace TEXT    NOT NULL,
                stream_key       TEXT    NOT NULL,
                payload          BLOB    NOT NULL,
                enqueued_at      INTEGER NOT NULL,
                attempts         INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX stream_queue_by_provider ON stream_queue (provider, sequence);

            CREATE TABLE stream_dead_letters (
                sequence         INTEGER PRIMARY KEY,
                provider         TEXT    NOT NULL,
                stream_namespace TEXT    NOT NULL,
                stream_key       TEXT    NOT NULL,
                payload          BLOB    NOT NULL,
                enqueued_at      INTEGER NOT NULL,
                failed_at        INTEGER NOT NULL,
                attempts         INTEGER NOT NULL,
                error            TEXT    NOT NULL
            );
            """),
    ];
}
