namespace Runtime;

/// <summary>
/// A grain's persistent state. Read once before activation; written only when the grain says so.
/// Writes use optimistic concurrency: if the stored record changed since it was read (a duplicate
/// activation, or a write elsewhere), the write fails with <see cref="InconsistentStateException"/>.
/// Re-read and decide again; never retry a stale write blindly.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null if none.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record and resets <see cref="State"/> to its default.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>.</summary>
/// <param name="stateName">Name of the state within the grain (a grain may have several).</param>
/// <param name="storageName">Name of the storage provider; <c>Default</c> when omitted.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public const string DefaultStorageName = "Default";

    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
