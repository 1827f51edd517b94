using Instagram.Grains.DurableWork;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Once the silo is active, delivers one tick of every pending-work reminder at once (media still
/// processing, posts waiting to publish or to be handed to the fan-out, fan-out queues), so a restarted
/// node finishes what a crash interrupted straight away instead of at each reminder's next tick. A tick
/// is what the reminder service would deliver anyway; grains with nothing left to do just clear their
/// reminder. Best effort and in the background: start-up never waits for it, and the reminders stay the
/// guarantee.
/// </summary>
internal sealed partial class PendingWorkRecovery(
    IReminderTable reminders,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<PendingWorkRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();

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
            // begin = end: the whole ring of grain hashes, every reminder of the service.
            var pending = (await reminders.ReadRows(0, 0, cancellationToken).ConfigureAwait(false)).Reminders
                .Where(reminder => PendingWorkReminder.IsPendingWork(reminder.ReminderName))
                .ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var batch in pending.Chunk(100))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.WhenAll(batch.Select(reminder => grains.GetGrain<IRemindable>(reminder.GrainId)
                    .ReceiveReminder(reminder.ReminderName, new TickStatus(reminder.StartAt, reminder.Period, now)))).ConfigureAwait(false);
            }

            if (pending.Count > 0)
            {
                LogResumed(logger, pending.Count);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} pieces of work left unfinished by an earlier run")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume unfinished work at start-up; its reminders will")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
