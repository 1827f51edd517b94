using System.Data.Common;

namespace Instagram.Silo.Storage;

/// <summary>Work to run on a connection (and, for writes, inside a transaction).</summary>
public delegate ValueTask<TResult> RelationalWork<TResult>(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

/// <summary>
/// The database of this node: the domain's tables (users, posts, media …) and Orleans' own (grain state,
/// reminders, membership). The SQL that reads and writes rows is the same for both dialects (both speak
/// <c>ON CONFLICT</c> and <c>RETURNING</c>); the schema scripts and the way writes are committed differ,
/// and live in the dialect's subclass.
/// </summary>
public abstract class RelationalDatabase : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>: selects schema scripts.</summary>
    public abstract string Dialect { get; }

    /// <summary>Where the database is, without credentials, for log lines and health reports.</summary>
    public abstract string Description { get; }

    /// <summary>Runs read-only work on a connection.</summary>
    public abstract Task<TResult> ReadAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken);

    /// <summary>Runs work atomically: it commits entirely or not at all. Completes once durable.</summary>
    public abstract Task<TResult> WriteAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs work whose only change is one statement, which is atomic by itself. Completes once durable.
    /// Where the database allows, this skips the explicit transaction and so a round trip per write.
    /// </summary>
    public virtual Task<TResult> WriteStatementAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken) =>
        WriteAsync(work, cancellationToken);

    /// <summary>Whether the database answers.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(static async (connection, _, ct) =>
            {
                await using var command = connection.CreateCommand("SELECT 1");
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Applies, in order and atomically, the migrations of a component that this database lacks.</summary>
    public Task<int> MigrateAsync(string component, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction, ct) => SchemaMigrator.ApplyAsync(this, connection, transaction, component, migrations, ct), cancellationToken);

    /// <summary>Statement taking a lock that serialises concurrent migrations (several silos starting at once), or null.</summary>
    protected internal virtual string? MigrationLockStatement => null;

    public abstract ValueTask DisposeAsync();
}

/// <summary>One step of a schema: applied once, recorded in <c>schema_migrations</c>.</summary>
public sealed record SchemaMigration(int Version, string Description, string Sql);
