namespace Runtime;

/// <summary>
/// Implemented by grains that register reminders. Reminders are durable: stored in the database,
/// they fire after restarts and activate the grain if it is not active.
/// </summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">Time between ticks.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
