namespace Runtime.Hosting;

/// <summary>
/// A service that starts and stops with the silo, in stage order (and stops in reverse). Each stage
/// is logged with its duration; a failing start aborts the silo start.
/// </summary>
public interface ISiloLifecycleParticipant
{
    /// <summary>One of <see cref="SiloLifecycleStage"/>.</summary>
    int Stage { get; }

    string Name { get; }

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>Start-up stages, as in Orleans: storage first, grain services last.</summary>
public static class SiloLifecycleStage
{
    /// <summary>Databases migrated.</summary>
    public const int RuntimeStorage = 2000;

    /// <summary>Calls accepted, timeouts swept, idle activations collected.</summary>
    public const int RuntimeServices = 4000;

    /// <summary>Reminders scheduled.</summary>
    public const int RuntimeGrainServices = 8000;

    /// <summary>Stream delivery agents pulling.</summary>
    public const int ApplicationServices = 10000;
}
