using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Instagram.Grains.Media;
using Instagram.Silo.Storage;
using Orleans.Storage;

namespace Instagram.Silo.Media.Catalog;

/// <summary>
/// The media table. A row marked processing is its item's job, so an item and its job are one write.
/// Versions guard against a second activation of the same item writing over the first.
/// </summary>
internal sealed class RelationalMediaCatalog(RelationalDatabase database, TimeProvider clock) : IMediaCatalog
{
    private const string Columns =
        "media_id, owner_id, media_type, status, content_type, size_bytes, upload_key, original_key, width, height, " +
        "duration_seconds, blurhash, variants, failure, created_at, updated_at, version, attempts";

    private static readonly JsonSerializerOptions VariantJson = new(JsonSerializerDefaults.Web);

    public Task<StoredMedia?> FindAsync(long mediaId, CancellationToken cancellationToken) =>
        database.ReadAsync<StoredMedia?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand($"SELECT {Columns} FROM media WHERE media_id = @id", transaction).With("@id", mediaId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? new StoredMedia(Read(reader), reader.GetInt32(17), reader.GetInt64(16)) : null;
            },
            cancellationToken);

    public Task<long> SaveAsync(MediaInfo media, int attempts, long expectedVersion, CancellationToken cancellationToken) =>
        database.WriteStatementAsync((connection, transaction, ct) => SaveAsync(connection, transaction, media, attempts, expectedVersion, ct), cancellationToken);

    public Task<long> DeadLetterAsync(MediaInfo failed, int attempts, string error, long expectedVersion, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var version = await SaveAsync(connection, transaction, failed, attempts, expectedVersion, ct).ConfigureAwait(false);
                await using var letter = connection.CreateCommand(
                    """
                    INSERT INTO media_dead_letters (media_id, owner_id, upload_key, attempts, error, failed_at)
                    VALUES (@id, @owner, @uploadKey, @attempts, @error, @at)
                    ON CONFLICT (media_id) DO UPDATE SET attempts = excluded.attempts, error = excluded.error, failed_at = excluded.failed_at
                    """, transaction)
                    .With("@id", failed.MediaId).With("@owner", failed.OwnerId).With("@uploadKey", failed.UploadKey)
                    .With("@attempts", attempts).With("@error", error).With("@at", clock.GetUtcNow().ToUnixTimeMilliseconds());
                await letter.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return version;
            },
            cancellationToken);

    /// <summary>Items still processing: jobs a crash may have left.</summary>
    public Task<IReadOnlyList<long>> ProcessingAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<long>>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT media_id FROM media WHERE status = @processing", transaction)
                    .With("@processing", MediaNames.Of(MediaStatus.Processing));
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var ids = new List<long>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt64(0));
                }

                return ids;
            },
            cancellationToken);

    private static async ValueTask<long> SaveAsync(DbConnection connection, DbTransaction? transaction, MediaInfo media, int attempts, long expectedVersion, CancellationToken cancellationToken)
    {
        var version = expectedVersion + 1;
        var sql = expectedVersion == 0
            ? $"""
               INSERT INTO media ({Columns})
               VALUES (@id, @owner, @type, @status, @contentType, @size, @uploadKey, @originalKey, @width, @height,
                       @duration, @blurhash, @variants, @failure, @createdAt, @updatedAt, @version, @attempts)
               ON CONFLICT (media_id) DO NOTHING
               """
            : """
              UPDATE media SET media_type = @type, status = @status, content_type = @contentType, size_bytes = @size,
                  original_key = @originalKey, width = @width, height = @height, duration_seconds = @duration,
                  blurhash = @blurhash, variants = @variants, failure = @failure, updated_at = @updatedAt, version = @version,
                  attempts = @attempts
              WHERE media_id = @id AND version = @expected
              """;
        await using var command = connection.CreateCommand(sql, transaction)
            .With("@id", media.MediaId)
            .With("@type", MediaNames.Of(media.Type))
            .With("@status", MediaNames.Of(media.Status))
            .With("@contentType", media.ContentType)
            .With("@size", media.SizeBytes)
            .With("@originalKey", media.OriginalKey)
            .With("@width", media.Width)
            .With("@height", media.Height)
            .With("@duration", media.DurationSeconds)
            .With("@blurhash", media.Blurhash)
            .With("@variants", JsonSerializer.Serialize(media.Variants, VariantJson))
            .With("@failure", media.Failure)
            .With("@updatedAt", media.UpdatedAt.ToUnixTimeMilliseconds())
            .With("@version", version)
            .With("@attempts", attempts);

        // Only the parameters the statement names: Npgsql refuses unused ones.
        if (expectedVersion == 0)
        {
            command.With("@owner", media.OwnerId).With("@uploadKey", media.UploadKey).With("@createdAt", media.CreatedAt.ToUnixTimeMilliseconds());
        }
        else
        {
            command.With("@expected", expectedVersion);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new InconsistentStateException(
                $"Media {media.MediaId} is no longer at version {expectedVersion}: another activation wrote it.",
                storedEtag: null,
                currentEtag: expectedVersion.ToString(CultureInfo.InvariantCulture),
                storageException: null);
        }

        return version;
    }

    private static MediaInfo Read(DbDataReader reader) => new(
        MediaId: reader.GetInt64(0),
        OwnerId: reader.GetInt64(1),
        Type: MediaNames.ParseType(reader.GetString(2)),
        Status: MediaNames.ParseStatus(reader.GetString(3)),
        ContentType: reader.GetString(4),
        SizeBytes: reader.GetInt64(5),
        UploadKey: reader.GetString(6),
        OriginalKey: reader.IsDBNull(7) ? null : reader.GetString(7),
        Width: reader.IsDBNull(8) ? null : reader.GetInt32(8),
        Height: reader.IsDBNull(9) ? null : reader.GetInt32(9),
        DurationSeconds: reader.IsDBNull(10) ? null : reader.GetDouble(10),
        Blurhash: reader.IsDBNull(11) ? null : reader.GetString(11),
        Variants: JsonSerializer.Deserialize<ImmutableArray<MediaVariant>>(reader.GetString(12), VariantJson),
        Failure: reader.IsDBNull(13) ? null : reader.GetString(13),
        CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
        UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(15)));
}
