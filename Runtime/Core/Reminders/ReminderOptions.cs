namespace Runtime.Reminders;

public sealed class ReminderOptions
{
    /// <summary>
    /// Shortest allowed period. Default 1 min, as in Orleans: reminders are for coarse, durable
    /// schedules; use grain timers for anything finer. Tests lower it.
    /// </summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the service records that it is running. Default 10 s. After a crash, ticks due within
    /// this long before it may be delivered again; ticks due after it are delivered once at start-up.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
}
