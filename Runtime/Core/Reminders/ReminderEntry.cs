namespace Runtime.Reminders;

/// <summary>One stored reminder: the grain, its name, the first tick and the period.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? ETag);

/// <summary>Where reminders are stored. Relational here; a Cassandra table could implement it later.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces; returns the stored entry with its new ETag.</summary>
    Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes; false if there was nothing to delete.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>The last moment a reminder service recorded itself running, if ever: ticks due after it may have been missed.</summary>
    Task<DateTimeOffset?> ReadHeartbeatAsync(CancellationToken cancellationToken);

    Task WriteHeartbeatAsync(DateTimeOffset aliveAt, CancellationToken cancellationToken);
}
