using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Storage.Relational;

namespace Runtime.Hosting;

/// <summary>
/// Starts and stops the silo in stages: storage (schema migrations), runtime services (calls, timeouts,
/// idle collection), then the lifecycle participants in stage order (reminders, stream agents). Stops in
/// reverse, deactivating every grain before the databases are released. Each stage is logged with its duration.
/// </summary>
internal sealed partial class SiloHost(
    SiloRuntime runtime,
    SiloStatus status,
    DatabaseRegistry databases,
    IEnumerable<DatabaseSpec> databaseSpecs,
    IEnumerable<ApplicationSchema> applicationSchemas,
    IServiceProvider services,
    ILogger<SiloHost> logger) : IHostedService
{
    private readonly Lock _stopLock = new();
    private readonly List<ISiloLifecycleParticipant> _started = [];
    private Task? _stop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        status.Set(SiloState.Starting);
        try
        {
            await StageAsync("storage", async () =>
            {
                foreach (var spec in databaseSpecs.Distinct())
                {
                    var database = databases.Get(spec);
                    var applied = await database.MigrateAsync(RelationalDatabase.RuntimeComponent, database.RuntimeSchema, cancellationToken).ConfigureAwait(false);
                    LogMigrated(logger, database.Description, RelationalDatabase.RuntimeComponent, applied);
                }

                // After the runtime's own tables: application tables may refer to them (an outbox write joins stream_queue).
                foreach (var schema in applicationSchemas)
                {
                    var database = databases.Get(schema.Database);
                    var applied = await database.MigrateAsync(schema.Component, schema.MigrationsFor(database.Dialect), cancellationToken).ConfigureAwait(false);
                    LogMigrated(logger, database.Description, schema.Component, applied);
                }
            }).ConfigureAwait(false);

            await StageAsync("runtime services", () =>
            {
                runtime.Dispatcher.Open();
                runtime.TimeoutSweeper.Start();
                runtime.Collector.Start();
                return Task.CompletedTask;
            }).ConfigureAwait(false);

            // Resolved only now: participants may depend on providers registered after AddSilo.
            var participants = services.GetServices<ISiloLifecycleParticipant>().OrderBy(p => p.Stage).ToList();
            foreach (var participant in participants)
            {
                await StageAsync(participant.Name, () => participant.StartAsync(cancellationToken)).ConfigureAwait(false);
                _started.Add(participant);
            }

            status.Set(SiloState.Running);
            LogStarted(logger, runtime.Registry.GrainClasses.Count());
        }
        catch
        {
            status.Set(SiloState.Failed);
            throw;
        }
    }

    /// <summary>
    /// Stops once, however often it is called: hosts can stop twice at the same time (WebApplicationFactory
    /// and <c>app.Run()</c> both do on dispose), and every caller must wait for the one real stop, or the
    /// service container could be disposed under it.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stop ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        status.Set(SiloState.Stopping);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(runtime.Options.ShutdownTimeout);
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            var participant = _started[i];
            await StopStageAsync(participant.Name, () => participant.StopAsync(timeout.Token)).ConfigureAwait(false);
        }

        await StopStageAsync("deactivating grains", () => runtime.Catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."),
            runtime.Options.ShutdownTimeout,
            runtime.TimeProvider)).ConfigureAwait(false);

        runtime.Dispatcher.Close();
        runtime.TimeoutSweeper.Dispose();
        runtime.Collector.Dispose();
        status.Set(SiloState.Stopped);
    }

    private async Task StageAsync(string stage, Func<Task> run)
    {
        var stopwatch = Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        LogStage(logger, "Started", stage, stopwatch.Elapsed.TotalMilliseconds);
    }

    private async Task StopStageAsync(string stage, Func<Task> run)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await run().ConfigureAwait(false);
            LogStage(logger, "Stopped", stage, stopwatch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception)
        {
            // Keep stopping the rest: a stuck stage must not keep the databases open.
            LogStopFailed(logger, exception, stage);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Stage} in {Milliseconds:F1} ms")]
    private static partial void LogStage(ILogger logger, string action, string stage, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database}: {Applied} schema migrations of {Component} applied")]
    private static partial void LogMigrated(ILogger logger, string database, string component, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo running with {GrainClasses} grain classes")]
    private static partial void LogStarted(ILogger logger, int grainClasses);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping {Stage} failed")]
    private static partial void LogStopFailed(ILogger logger, Exception exception, string stage);
}
