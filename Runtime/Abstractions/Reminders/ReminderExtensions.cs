namespace Runtime;

/// <summary>Reminder operations on the calling grain, named as in Orleans.</summary>
public static class ReminderExtensions
{
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} registers a reminder but does not implement {nameof(IRemindable)}.");
        }

        return grain.GrainContext.Runtime.Reminders.RegisterOrUpdateReminder(grain.GrainId, reminderName, dueTime, period);
    }

    public static Task UnregisterReminder(this Grain grain, IGrainReminder reminder) =>
        grain.GrainContext.Runtime.Reminders.UnregisterReminder(grain.GrainId, reminder);

    public static Task<IGrainReminder?> GetReminder(this Grain grain, string reminderName) =>
        grain.GrainContext.Runtime.Reminders.GetReminder(grain.GrainId, reminderName);

    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this Grain grain) =>
        grain.GrainContext.Runtime.Reminders.GetReminders(grain.GrainId);
}
