using Instagram.Silo.Storage;

namespace Instagram.Silo.Media.Catalog;

/// <summary>
/// The <c>media</c> table, one row per uploaded item; a row whose status is processing is that item's
/// processing job (with the attempts it has used). Jobs that used every attempt are kept in
/// <c>media_dead_letters</c> with their last error. Times are Unix milliseconds; variants are a JSON array.
/// </summary>
internal static class MediaSchema
{
    public const string Component = "media";

    public static IReadOnlyList<SchemaMigration> For(string dialect) => dialect switch
    {
        "sqlite" => Sqlite,
        "postgres" => Postgres,
        _ => throw new NotSupportedException($"No media schema for dialect '{dialect}'."),
    };

    private static readonly IReadOnlyList<SchemaMigration> Sqlite =
    [
        new(1, "media items", """
            CREATE TABLE media (
                media_id         INTEGER PRIMARY KEY,
                owner_id         INTEGER NOT NULL,
                media_type       TEXT    NOT NULL,
                status           TEXT    NOT NULL,
                content_type     TEXT    NOT NULL,
                size_bytes       INTEGER NOT NULL,
                upload_key       TEXT    NOT NULL,
                original_key     TEXT,
                width            INTEGER,
                height           INTEGER,
                duration_seconds REAL,
                blurhash         TEXT,
                variants         TEXT    NOT NULL,
                failure          TEXT,
                created_at       INTEGER NOT NULL,
                updated_at       INTEGER NOT NULL,
                version          INTEGER NOT NULL
            );
            CREATE INDEX media_by_owner ON media (owner_id, media_id);
            """),
        JobsInRows("INTEGER"),
    ];

    private static readonly IReadOnlyList<SchemaMigration> Postgres =
    [
        new(1, "media items", """
            CREATE TABLE media (
                media_id         BIGINT PRIMARY KEY,
                owner_id         BIGINT NOT NULL,
                media_type       TEXT   NOT NULL,
                status           TEXT   NOT NULL,
                content_type     TEXT   NOT NULL,
                size_bytes       BIGINT NOT NULL,
                upload_key       TEXT   NOT NULL,
                original_key     TEXT,
                width            INTEGER,
                height           INTEGER,
                duration_seconds DOUBLE PRECISION,
                blurhash         TEXT,
                variants         TEXT   NOT NULL,
                failure          TEXT,
                created_at       BIGINT NOT NULL,
                updated_at       BIGINT NOT NULL,
                version          BIGINT NOT NULL
            );
            CREATE INDEX media_by_owner ON media (owner_id, media_id);
            """),
        JobsInRows("BIGINT"),
    ];

    // Replaces the retired runtime's job stream: its undelivered jobs were for rows still marked processing,
    // whose grains resume them when next activated.
    private static SchemaMigration JobsInRows(string bigint) => new(2, "processing jobs kept in their rows; dead letters", $"""
        ALTER TABLE media ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX media_processing ON media (media_id) WHERE status = 'processing';

        CREATE TABLE media_dead_letters (
            media_id   {bigint} PRIMARY KEY,
            owner_id   {bigint} NOT NULL,
            upload_key TEXT     NOT NULL,
            attempts   INTEGER  NOT NULL,
            error      TEXT     NOT NULL,
            failed_at  {bigint} NOT NULL
        );
        """);
}
