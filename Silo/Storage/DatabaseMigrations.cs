using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Instagram.Silo.Storage;

/// <summary>
/// Brings the database up to date as the silo's first start-up stage: Orleans' ADO.NET providers read their
/// queries from it in later stages, and grains need the domain's tables. Each component's missing steps
/// run in one transaction behind the dialect's migration lock, so silos starting together apply each
/// step once; a failure stops the silo before it joins the cluster.
/// </summary>
internal sealed partial class DatabaseMigrations(
    RelationalDatabase database,
    IEnumerable<DatabaseSchema> schemas,
    ILogger<DatabaseMigrations> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseMigrations), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var applied = 0;
        foreach (var schema in schemas)
        {
            applied += await database.MigrateAsync(schema.Component, schema.MigrationsFor(database.Dialect), cancellationToken).ConfigureAwait(false);
        }

        LogMigrated(logger, database.Description, applied, stopwatch.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} migrated: {Applied} step(s) applied in {Milliseconds:F0} ms")]
    private static partial void LogMigrated(ILogger logger, string database, int applied, double milliseconds);
}
