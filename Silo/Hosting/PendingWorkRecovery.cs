using Instagram.Grains.DurableWork;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Once the silo is active, wakes every grain with work an earlier run may have left unfinished — the
/// owners of pending-work reminders (media jobs, posts, fan-out queues) and of unfinished rows
/// (<see cref="IUnfinishedWork"/>) — by delivering one reminder tick to each at once, instead of waiting for
/// the reminders' next tick. A tick is what the reminder service would deliver anyway: a grain with nothing
/// left to do just clears its reminder. Best effort and in the background: start-up never waits for it, a
/// grain that does not answer is skipped (its reminder still stands), and the reminders stay the guarantee.
/// </summary>
/// <remarks>
/// Every silo that starts does this for the whole service, so a rolling restart of N silos wakes each such
/// grain N times: cheap while unfinished work is the exception, as it should be.
/// </remarks>
internal sealed partial class PendingWorkRecovery(
    IReminderTable reminders,
    IEnumerable<IUnfinishedWork> unfinished,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<PendingWorkRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Name of the tick delivered for an unfinished row that has no reminder of its own.</summary>
    public const string RecoveryTick = "work:recovery";

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this start's recovery is over (tests wait for it).</summary>
    internal Task Completion => _completed.Task;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(PendingWorkRecovery),
            ServiceLifecycleStage.Active,
            starting =>
            {
                _ = Task.Run(() => ResumeAsync(_stopping.Token), CancellationToken.None);
                return Task.CompletedTask;
            },
            stopping =>
            {
                _stopping.Cancel();
                return Task.CompletedTask;
            });

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var due = await FindAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow().UtcDateTime;
            var failed = 0;
            foreach (var batch in due.Chunk(100))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var answered = await Task.WhenAll(batch.Select(tick => TickAsync(tick.Grain, tick.Reminder, now))).ConfigureAwait(false);
                failed += answered.Count(ok => !ok);
            }

            if (due.Count > 0)
            {
                LogResumed(logger, due.Count - failed, failed);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
        finally
        {
            _completed.TrySetResult();
        }
    }

    /// <summary>Each grain once: its own pending-work reminder if it has one, else the recovery tick.</summary>
    private async Task<List<(GrainId Grain, ReminderEntry Reminder)>> FindAsync(CancellationToken cancellationToken)
    {
        // begin = end: the whole ring of grain hashes, every reminder of the service.
        var due = (await reminders.ReadRows(0, 0, cancellationToken).ConfigureAwait(false)).Reminders
            .Where(reminder => PendingWorkReminder.IsPendingWork(reminder.ReminderName))
            .GroupBy(reminder => reminder.GrainId)
            .ToDictionary(group => group.Key, group => group.First());
        foreach (var area in unfinished)
        {
            foreach (var grain in await area.FindAsync(grains, cancellationToken).ConfigureAwait(false))
            {
                due.TryAdd(grain, new ReminderEntry { GrainId = grain, ReminderName = RecoveryTick, StartAt = clock.GetUtcNow().UtcDateTime, Period = TimeSpan.Zero });
            }
        }

        return [.. due.Select(entry => (entry.Key, entry.Value))];
    }

    private async Task<bool> TickAsync(GrainId grain, ReminderEntry reminder, DateTime now)
    {
        try
        {
            await grains.GetGrain<IRemindable>(grain)
                .ReceiveReminder(reminder.ReminderName, new TickStatus(reminder.StartAt, reminder.Period, now))
                .WaitAsync(CallDeadline).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            LogTickFailed(logger, exception, grain);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} pieces of work left unfinished by an earlier run ({Failed} did not answer; their reminders will)")]
    private static partial void LogResumed(ILogger logger, int count, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume unfinished work at start-up; its reminders will")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking {Grain} to resume its work failed; its reminder will")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, GrainId grain);
}
