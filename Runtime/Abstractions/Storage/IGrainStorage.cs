namespace Runtime.Storage;

/// <summary>The state of one grain as a storage provider sees it.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>
/// A named grain storage provider. Implementations own serialization and must enforce ETag
/// checks: a write or clear whose <see cref="IGrainState{TState}.ETag"/> does not match the stored
/// record throws <see cref="InconsistentStateException"/>.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Fills <paramref name="grainState"/>; leaves the default state when no record exists.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Stores the state and sets the new ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);

    /// <summary>Deletes the record.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState, CancellationToken cancellationToken);
}
