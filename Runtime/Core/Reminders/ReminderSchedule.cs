namespace Runtime.Reminders;

/// <summary>When a reminder ticks: the pure rules, apart from the service that applies them.</summary>
internal static class ReminderSchedule
{
    /// <summary>The first tick of the reminder's grid strictly after <paramref name="time"/>.</summary>
    public static DateTimeOffset NextTickAfter(ReminderEntry entry, DateTimeOffset time)
    {
        if (time < entry.StartAt)
        {
            return entry.StartAt;
        }

        var elapsedPeriods = (time - entry.StartAt).Ticks / entry.Period.Ticks;
        return entry.StartAt + TimeSpan.FromTicks((elapsedPeriods + 1) * entry.Period.Ticks);
    }

    /// <summary>
    /// When a reminder loaded at start-up ticks first. If a tick of its grid fell due while no reminder
    /// service ran (after <paramref name="lastAlive"/>, the last moment one was known to run), it is
    /// delivered now, once; otherwise the reminder waits for its next grid tick. With no record of a
    /// previous service, a past-due reminder ticks now: delivering a tick twice is recoverable (handlers
    /// are idempotent), losing one is not.
    /// </summary>
    public static DateTimeOffset FirstTickAfterStart(ReminderEntry entry, DateTimeOffset now, DateTimeOffset? lastAlive)
    {
        if (entry.StartAt >= now)
        {
            return entry.StartAt;
        }

        var missed = lastAlive is not { } alive || NextTickAfter(entry, alive) <= now;
        return missed ? now : NextTickAfter(entry, now);
    }
}
