using System.Data.Common;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Instagram.Silo.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file: the <c>grain_state</c> table, one row per (grain
/// type, key, state name), the payload as the configured serializer writes it (System.Text.Json). Ours
/// rather than Orleans' ADO.NET provider because every write here goes through the file's group-commit
/// writer: a post fanned out to 9 999 followers is 9 999 timeline writes, which the writer commits in a
/// handful of transactions instead of 9 999 fsyncs contending for SQLite's one write lock.
/// The ETag is the row's version: every write names the version it read and fails with
/// <see cref="InconsistentStateException"/> if the row has moved on, which is how a duplicate activation
/// is caught. Clearing keeps the row as a tombstone (payload NULL, next version) rather than deleting it,
/// so versions never repeat and an ETag from before a clear can never match again.
/// </summary>
internal sealed class SqliteGrainStorage(
    string name,
    SqliteDatabase database,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    TimeProvider timeProvider) : IGrainStorage
{
    public string Name { get; } = name;

    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync(
            (connection, transaction, ct) => ReadRowAsync(connection, transaction, stateName, grainId, ct),
            cancellationToken).ConfigureAwait(false);
        grainState.ETag = row is null ? null : FormatEtag(row.Value.Version);
        grainState.RecordExists = row?.Payload is not null;
        grainState.State = row?.Payload is { } payload
            ? serializer.Deserialize<TState>(new BinaryData(payload)) ?? NewState<TState>()
            : NewState<TState>();
    }

    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var written = await database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                int rows;
                if (expected is null)
                {
                    await using var insert = connection.CreateCommand(
                        """
                        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at)
                        VALUES (@type, @key, @state, @payload, 1, @now)
                        ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
                        """, transaction);
                    rows = await Bind(insert, stateName, grainId).With("@payload", payload).With("@now", now).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                else
                {
                    await using var update = connection.CreateCommand(
                        """
                        UPDATE grain_state SET payload = @payload, version = version + 1, updated_at = @now
                        WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND version = @expected
                        """, transaction);
                    rows = await Bind(update, stateName, grainId).With("@payload", payload).With("@now", now).With("@expected", expected.Value)
                        .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                if (rows != 1)
                {
                    await ThrowConflictAsync(connection, transaction, stateName, grainId, expected, "write", ct).ConfigureAwait(false);
                }

                return (expected ?? 0) + 1;
            },
            cancellationToken).ConfigureAwait(false);

        grainState.ETag = FormatEtag(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken)
    {
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var version = await database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                if (expected is null)
                {
                    // Nothing read, so nothing may be stored either.
                    if (await ReadRowAsync(connection, transaction, stateName, grainId, ct).ConfigureAwait(false) is { Payload: not null })
                    {
                        await ThrowConflictAsync(connection, transaction, stateName, grainId, expected, "clear", ct).ConfigureAwait(false);
                    }

                    return (long?)null;
                }

                await using var tombstone = connection.CreateCommand(
                    """
                    UPDATE grain_state SET payload = NULL, version = version + 1, updated_at = @now
                    WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND version = @expected
                    """, transaction);
                var rows = await Bind(tombstone, stateName, grainId).With("@now", now).With("@expected", expected.Value)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                if (rows != 1)
                {
                    await ThrowConflictAsync(connection, transaction, stateName, grainId, expected, "clear", ct).ConfigureAwait(false);
                }

                return expected.Value + 1;
            },
            cancellationToken).ConfigureAwait(false);

        if (version is not null)
        {
            grainState.ETag = FormatEtag(version.Value);
        }

        grainState.RecordExists = false;
        grainState.State = NewState<TState>();
    }

    private TState NewState<TState>() => activators.GetActivator<TState>().Create();

    private static async ValueTask<(byte[]? Payload, long Version)?> ReadRowAsync(DbConnection connection, DbTransaction? transaction, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand(
            "SELECT payload, version FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state",
            transaction);
        await using var reader = await Bind(select, stateName, grainId).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1));
    }

    private async Task ThrowConflictAsync(DbConnection connection, DbTransaction? transaction, string stateName, GrainId grainId, long? expected, string operation, CancellationToken cancellationToken)
    {
        var stored = await ReadRowAsync(connection, transaction, stateName, grainId, cancellationToken).ConfigureAwait(false);
        var storedEtag = stored is null ? null : FormatEtag(stored.Value.Version);
        var expectedEtag = expected is null ? null : FormatEtag(expected.Value);
        throw new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of {grainId} in storage '{Name}': it was read at version {expectedEtag ?? "(none)"} but is stored at version {storedEtag ?? "(none)"}. Another activation of this grain may exist; re-read the state before deciding again.",
            storedEtag,
            expectedEtag,
            storageException: null);
    }

    private static DbCommand Bind(DbCommand command, string stateName, GrainId grainId) =>
        command.With("@type", grainId.Type.ToString()).With("@key", grainId.Key.ToString()).With("@state", stateName);

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private long? ParseEtag(string? etag, string stateName, GrainId grainId)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"State '{stateName}' of {grainId} carries ETag '{etag}', which storage '{Name}' never issued.", null, etag, storageException: null);
    }
}
