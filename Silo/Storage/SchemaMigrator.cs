using System.Data.Common;
using System.Globalization;

namespace Instagram.Silo.Storage;

/// <summary>
/// Versioned schema per component in <c>schema_migrations</c>. Runs inside one write transaction, behind the
/// dialect's migration lock, so concurrent starts apply each step exactly once.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component   TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            description TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL,
            PRIMARY KEY (component, version))
        """;

    public static async ValueTask<int> ApplyAsync(
        RelationalDatabase database,
        DbConnection connection,
        DbTransaction? transaction,
        string component,
        IReadOnlyList<SchemaMigration> migrations,
        CancellationToken cancellationToken)
    {
        if (database.MigrationLockStatement is { } lockStatement)
        {
            await using var lockCommand = connection.CreateCommand(lockStatement, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = connection.CreateCommand(CreateTable, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        await using (var query = connection.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = @component", transaction)
            .With("@component", component))
        {
            current = Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var applied = 0;
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (migration.Version <= current)
            {
                continue;
            }

            await using (var step = connection.CreateCommand(migration.Sql, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.CreateCommand(
                "INSERT INTO schema_migrations (component, version, description, applied_at) VALUES (@component, @version, @description, CURRENT_TIMESTAMP)",
                transaction))
            {
                record.With("@component", component).With("@version", migration.Version).With("@description", migration.Description);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            applied++;
        }

        return applied;
    }
}
