namespace Runtime.Storage;

/// <summary>Read before activation, by the activation; implemented by every piece of persistent state.</summary>
internal interface IActivationStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}

/// <summary>A grain's named state bound to a storage provider.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, Func<TState> createDefault)
    : IPersistentState<TState>, IGrainState<TState>, IActivationStateLoader
{
    public TState State { get; set; } = createDefault();

    public string? Etag => ETag;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ReadStateAsync(stateName, grainId, this, cancellationToken);

        // A re-read (the cure for InconsistentStateException) must not keep, in memory, a record that is gone.
        if (!RecordExists)
        {
            State = createDefault();
        }
    }

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, this, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearStateAsync(stateName, grainId, this, cancellationToken);
        State = createDefault();
    }

    Task IActivationStateLoader.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);
}
