using Runtime.Storage.Relational;

namespace Runtime.Storage.Postgres;

/// <summary>The runtime's tables in PostgreSQL. Times are Unix milliseconds, as in SQLite.</summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<SchemaMigration> Runtime =
    [
        new(1, "grain state, reminders, stream queue", """
            -- payload NULL is a cleared record (a tombstone): it keeps its version, so an ETag never repeats.
            CREATE TABLE grain_state (
                grain_type TEXT   NOT NULL,
                grain_key  TEXT   NOT NULL,
                state_name TEXT   NOT NULL,
                payload    BYTEA,
                version    BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );

            CREATE TABLE reminders (
                grain_id      TEXT   NOT NULL,
                reminder_name TEXT   NOT NULL,
                start_at      BIGINT NOT NULL,
                period_ms     BIGINT NOT NULL,
                version       BIGINT NOT NULL,
                PRIMARY KEY (grain_id, reminder_name)
            );

            -- When the reminder service last recorded itself running: ticks due after it were missed.
            CREATE TABLE reminder_heartbeat (
                service  TEXT    PRIMARY KEY,
                alive_at BIGINT  NOT NULL
            );

            CREATE TABLE stream_queue (
                sequence         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                provider         TEXT    NOT NULL,
                stream_namespace TEXT    NOT NULL,
                stream_key       TEXT    NOT NULL,
                payload          BYTEA   NOT NULL,
                enqueued_at      BIGINT  NOT NULL,
                attempts         INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX stream_queue_by_provider ON stream_queue (provider, sequence);

            CREATE TABLE stream_dead_letters (
                sequence         BIGINT  PRIMARY KEY,
                provider         TEXT    NOT NULL,
                stream_namespace TEXT    NOT NULL,
                stream_key       TEXT    NOT NULL,
                payload          BYTEA   NOT NULL,
                enqueued_at      BIGINT  NOT NULL,
                failed_at        BIGINT  NOT NULL,
                attempts         INTEGER NOT NULL,
                error            TEXT    NOT NULL
            );
            """),
    ];
}
