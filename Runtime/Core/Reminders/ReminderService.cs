using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Runtime.Reminders;

/// <summary>
/// Durable reminders. The table is the truth; this service keeps the schedule in memory and, when a
/// reminder is due, calls <see cref="IRemindable.ReceiveReminder"/> on its grain like any other call
/// (activating the grain if needed). At start-up it loads every reminder; a tick that fell due while
/// no silo ran is delivered once, promptly, and then ticks resume on the reminder's period grid.
/// </summary>
internal sealed partial class ReminderService : IReminderRegistry, ISiloLifecycleParticipant, IDisposable
{
    private readonly IReminderTable _table;
    private readonly IGrainFactory _grainFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ReminderOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = [];
    private readonly PriorityQueue<ScheduledReminder, DateTimeOffset> _due = new();
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource _wakeUp = new();
    private Task? _loop;

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
        var entries = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                Schedule(entry, now, deliverMissedTick: true);
            }
        }

        LogLoaded(_logger, entries.Count);
        _loop = RunAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the schedule loop if the silo was disposed without stopping. Cancels only: the token sources
    /// hold no timers, and disposing them under a loop still running would make it throw.
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

        var now = _timeProvider.GetUtcNow();
        var stored = await _table.UpsertAsync(new ReminderEntry(grainId, reminderName, now + dueTime, period, null), cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            Schedule(stored, now, deliverMissedTick: false);
        }

        WakeUp();
        return new GrainReminder(reminderName, stored.ETag);
    }

    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken = default)
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

    /// <summary>The first tick of the reminder's grid strictly after <paramref name="time"/>.</summary>
    internal static DateTimeOffset NextTickAfter(ReminderEntry entry, DateTimeOffset time)
    {
        if (time < entry.StartAt)
        {
            return entry.StartAt;
        }

        var elapsedPeriods = (time - entry.StartAt).Ticks / entry.Period.Ticks;
        return entry.StartAt + TimeSpan.FromTicks((elapsedPeriods + 1) * entry.Period.Ticks);
    }

    private void Schedule(ReminderEntry entry, DateTimeOffset now, bool deliverMissedTick)
    {
        var next = entry.StartAt >= now ? entry.StartAt : deliverMissedTick ? now : NextTickAfter(entry, now);
        var reminder = new ScheduledReminder(entry, next);
        if (_scheduled.Remove((entry.GrainId, entry.Name), out var replaced))
        {
            replaced.Removed = true;
        }

        _scheduled[(entry.GrainId, entry.Name)] = reminder;
        _due.Enqueue(reminder, next);
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
                    reminder.NextTick = NextTickAfter(reminder.Entry, now);
                    _due.Enqueue(reminder, reminder.NextTick);
                }

                wait = _due.TryPeek(out _, out var nextTick) ? nextTick - now : TimeSpan.FromHours(1);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} reminders")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Name} of {GrainId} failed to tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string name, GrainId grainId);

    private sealed class ScheduledReminder(ReminderEntry entry, DateTimeOffset nextTick)
    {
        public ReminderEntry Entry { get; } = entry;

        public DateTimeOffset NextTick { get; set; } = nextTick;

        public bool Removed { get; set; }
    }

    private sealed record GrainReminder(string ReminderName, string? ETag) : IGrainReminder;
}
