using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Runtime.Reminders;

/// <summary>
/// Durable reminders. The table is the truth; this service keeps the schedule in memory and, when a
/// reminder is due, calls <see cref="IRemindable.ReceiveReminder"/> on its grain like any other call
/// (activating the grain if needed). It records a heartbeat while it runs, so that at start-up it knows
/// which ticks fell due while no service ran: those are delivered once, promptly (see
/// <see cref="ReminderSchedule.FirstTickAfterStart"/>); then ticks resume on each reminder's period grid.
/// </summary>
internal sealed partial class ReminderService : IReminderRegistry, ISiloLifecycleParticipant, IDisposable
{
    // The loop wakes at least this often, whatever is due: Task.Delay refuses waits beyond ~49 days.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly IReminderTable _table;
    private readonly IGrainFactory _grainFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ReminderOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = [];
    private readonly PriorityQueue<ScheduledReminder, DateTimeOffset> _due = new();

    // A registration writes the table, then the schedule; one reminder's writes are serialised so the
    // schedule ends as the table does. Striped, so unrelated reminders do not wait for each other.
    private readonly SemaphoreSlim[] _registrationStripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource _wakeUp = new();
    private Task? _loop;
    private Task? _heartbeat;

    public ReminderService(IReminderTable table, IGrainFactory grainFactory, TimeProvider timeProvider, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
    {
        _table = table;
        _grainFactory = grainFactory;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public int Stage => SiloLifecycleStage.RuntimeGrainServices;

    public string Name => "Reminders";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var lastAlive = await _table.ReadHeartbeatAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var missed = 0;
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                var first = ReminderSchedule.FirstTickAfterStart(entry, now, lastAlive);
                missed += first == now ? 1 : 0;
                Schedule(entry, first);
            }
        }

        await _table.WriteHeartbeatAsync(CoveredUntil(), cancellationToken).ConfigureAwait(false);
        LogLoaded(_logger, entries.Count, missed, lastAlive);
        _loop = RunAsync();
        _heartbeat = HeartbeatAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loop ?? Task.CompletedTask, _heartbeat ?? Task.CompletedTask).WaitAsync(cancellationToken).ConfigureAwait(false);

        // Ticks due after this will be delivered at the next start.
        await _table.WriteHeartbeatAsync(CoveredUntil(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the loops if the silo was disposed without stopping. Cancels only: the token sources hold no
    /// timers, and disposing them under a loop still running would make it throw.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period < _options.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Reminder periods must be at least {_options.MinimumPeriod}; use a grain timer for shorter ones.");
        }

        var stripe = StripeOf(grainId, reminderName);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            var stored = await _table.UpsertAsync(new ReminderEntry(grainId, reminderName, now + dueTime, period, null), cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                Schedule(stored, stored.StartAt);
            }

            WakeUp();
            return new GrainReminder(reminderName, stored.ETag);
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken = default)
    {
        var stripe = StripeOf(grainId, reminder.ReminderName);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.RemoveAsync(grainId, reminder.ReminderName, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (_scheduled.Remove((grainId, reminder.ReminderName), out var existing))
                {
                    existing.Removed = true;
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        var entries = await _table.ReadAsync(grainId, cancellationToken).ConfigureAwait(false);
        return entries.Where(e => e.Name == reminderName).Select(e => new GrainReminder(e.Name, e.ETag)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId, CancellationToken cancellationToken = default)
    {
        var entries = await _table.ReadAsync(grainId, cancellationToken).ConfigureAwait(false);
        return entries.Select(e => (IGrainReminder)new GrainReminder(e.Name, e.ETag)).ToList();
    }

    private SemaphoreSlim StripeOf(GrainId grainId, string reminderName) =>
        _registrationStripes[(int)((uint)HashCode.Combine(grainId, reminderName) % (uint)_registrationStripes.Length)];

    private void Schedule(ReminderEntry entry, DateTimeOffset firstTick)
    {
        var reminder = new ScheduledReminder(entry, firstTick);
        if (_scheduled.Remove((entry.GrainId, entry.Name), out var replaced))
        {
            replaced.Removed = true;
        }

        _scheduled[(entry.GrainId, entry.Name)] = reminder;
        _due.Enqueue(reminder, firstTick);
    }

    private async Task RunAsync()
    {
        var fired = new List<(ReminderEntry Entry, DateTimeOffset Tick)>();
        while (!_stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            CancellationToken wakeUp;
            lock (_lock)
            {
                var now = _timeProvider.GetUtcNow();
                while (_due.TryPeek(out var reminder, out var tick) && tick <= now)
                {
                    _due.Dequeue();
                    if (reminder.Removed)
                    {
                        continue;
                    }

                    fired.Add((reminder.Entry, tick));
                    reminder.NextTick = ReminderSchedule.NextTickAfter(reminder.Entry, now);
                    _due.Enqueue(reminder, reminder.NextTick);
                }

                wait = _due.TryPeek(out _, out var nextTick) ? nextTick - now : LongestWait;
                wait = wait > LongestWait ? LongestWait : wait;
                wakeUp = _wakeUp.Token;
            }

            foreach (var (entry, tick) in fired)
            {
                _ = DeliverAsync(entry, tick);
            }

            fired.Clear();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, wakeUp);
            try
            {
                await Task.Delay(wait, _timeProvider, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Woken by a new registration, or stopping: recompute.
            }
        }
    }

    private async Task HeartbeatAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, _timeProvider, _stopping.Token).ConfigureAwait(false);
                await _table.WriteHeartbeatAsync(CoveredUntil(), _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A missed heartbeat only widens the window of ticks that may be delivered twice after a crash.
                LogHeartbeatFailed(_logger, exception);
            }
        }
    }

    private async Task DeliverAsync(ReminderEntry entry, DateTimeOffset tick)
    {
        try
        {
            await _grainFactory.GetGrain<IRemindable>(entry.GrainId)
                .ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, tick)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogTickFailed(_logger, exception, entry.Name, entry.GrainId);
        }
    }

    /// <summary>
    /// The moment up to which every due tick has been handed out for delivery: now, or just before the
    /// earliest tick still waiting (a catch-up tick not yet fired, or one due as the service stops).
    /// </summary>
    private DateTimeOffset CoveredUntil()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            return _due.TryPeek(out _, out var next) && next <= now ? next - TimeSpan.FromTicks(1) : now;
        }
    }

    private void WakeUp()
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            previous = _wakeUp;
            _wakeUp = new CancellationTokenSource();
        }

        // Not disposed: the loop may still be linking to its token. It holds no timer, so the GC suffices.
        previous.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} reminders, {Missed} with a tick missed since the service last ran ({LastAlive})")]
    private static partial void LogLoaded(ILogger logger, int count, int missed, DateTimeOffset? lastAlive);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {GrainId} failed to tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string name, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the reminder service's heartbeat failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    private sealed class ScheduledReminder(ReminderEntry entry, DateTimeOffset nextTick)
    {
        public ReminderEntry Entry { get; } = entry;

        public DateTimeOffset NextTick { get; set; } = nextTick;

        public bool Removed { get; set; }
    }

    private sealed record GrainReminder(string ReminderName, string? ETag) : IGrainReminder;
}
