namespace Runtime;

/// <summary>
/// What a grain activation can ask of the runtime. The runtime's activation object implements it;
/// grain code reaches it through <see cref="Grain.GrainContext"/>.
/// </summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The grain object, once constructed.</summary>
    object? GrainInstance { get; }

    IGrainRuntime Runtime { get; }

    /// <summary>Deactivate once the current turn completes, instead of waiting for idle collection.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keep this activation at least this long, even if idle.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Starts a timer whose callbacks run as turns of this activation. Disposed on deactivation.</summary>
    IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);

    /// <summary>
    /// A named piece of persistent state backed by the named storage provider. It is read before
    /// <see cref="Grain.OnActivateAsync"/> runs. Generated grain factories call this for constructor
    /// parameters marked <see cref="PersistentStateAttribute"/>.
    /// </summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName, Func<TState> createDefault);
}
