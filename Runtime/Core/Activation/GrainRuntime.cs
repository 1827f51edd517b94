using Microsoft.Extensions.DependencyInjection;
using Runtime.Streams;

namespace Runtime.Activation;

/// <summary>The silo services grains see through <see cref="IGrainContext.Runtime"/>.</summary>
internal sealed class GrainRuntime(IGrainFactory grainFactory, TimeProvider timeProvider, IServiceProvider services) : IGrainRuntime
{
    private IReminderRegistry? _reminders;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public IServiceProvider Services { get; } = services;

    public IReminderRegistry Reminders => _reminders ??= Services.GetService<IReminderRegistry>()
        ?? throw new InvalidOperationException("No reminder service is configured. Call UseSqliteReminders or UsePostgresReminders on the silo builder.");

    public IStreamProvider GetStreamProvider(string name) =>
        Services.GetKeyedService<IStreamProvider>(name)
        ?? throw new InvalidOperationException($"No stream provider named '{name}' is configured. Call AddOutboxStreams(\"{name}\", …) on the silo builder.");
}
