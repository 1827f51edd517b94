namespace Runtime;

/// <summary>The silo's durable reminder service as grains see it.</summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    Task UnregisterReminder(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken = default);

    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId, CancellationToken cancellationToken = default);
}
