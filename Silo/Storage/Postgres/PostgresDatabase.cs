using Npgsql;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Storage.Postgres;

/// <summary>A PostgreSQL database through a pooled Npgsql data source. Cluster mode's store.</summary>
public sealed class PostgresDatabase : RelationalDatabase
{
    // Any constant works; it only has to be the same in every silo.
    private const long MigrationLockKey = 0x6772_6169_6e73; // "grains"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}" + (builder.SearchPath is { Length: > 0 } path ? $"?search_path={path}" : string.Empty);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Dialect => "postgres";

    public override string Description { get; }

    // Bounded: a silo whose peer hangs mid-migration fails its start-up after two minutes instead of hanging.
    protected internal override string MigrationLockStatement => $"SET LOCAL lock_timeout = '2min'; SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override async Task<TResult> ReadAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<TResult> WriteAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override async Task<TResult> WriteStatementAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken)
    {
        // Autocommit: PostgreSQL commits (and flushes) the statement on its own, one round trip in all.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
