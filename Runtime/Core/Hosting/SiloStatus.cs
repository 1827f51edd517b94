namespace Runtime.Hosting;

public enum SiloState
{
    Created,
    Starting,
    Running,
    Stopping,
    Stopped,
    Failed,
}

/// <summary>Where the silo is in its lifecycle; /readyz reports ready only while Running.</summary>
public sealed class SiloStatus
{
    private volatile SiloState _state = SiloState.Created;

    public SiloState State => _state;

    internal void Set(SiloState state) => _state = state;
}
