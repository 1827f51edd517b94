using Runtime.Streams;

namespace Runtime;

/// <summary>The silo-wide services a grain uses: references, the clock, reminders and streams.</summary>
public interface IGrainRuntime
{
    IGrainFactory GrainFactory { get; }

    /// <summary>The one clock. Grains take time from here so that tests can control it.</summary>
    TimeProvider TimeProvider { get; }

    IReminderRegistry Reminders { get; }

    IServiceProvider Services { get; }

    IStreamProvider GetStreamProvider(string name);
}
