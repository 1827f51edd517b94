namespace Runtime.Reminders;

public sealed class ReminderOptions
{
    /// <summary>
    /// Shortest allowed period. Default 1 min, as in Orleans: reminders are for coarse, durable
    /// schedules; use grain timers for anything finer. Tests lower it.
    /// </summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
