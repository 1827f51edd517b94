using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Reminders;
using Runtime.Storage;
using Runtime.Storage.Relational;
using Runtime.Streams;

namespace Runtime.Hosting;

/// <summary>Options and providers of a silo, named as in Orleans where Orleans has a name for them.</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder Configure(this ISiloBuilder builder, Action<SiloOptions> configure)
    {
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Grain storage named <paramref name="name"/> (grains use it with <c>[PersistentState("x", name)]</c>).</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder builder, string name, DatabaseSpec database)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        UsesDatabase(builder, database);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new RelationalGrainStorage(
            name,
            services.GetRequiredService<DatabaseRegistry>().Get(database),
            services.GetRequiredService<SiloRuntime>().Serializer,
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>Durable reminders stored in <paramref name="database"/>.</summary>
    public static ISiloBuilder UseReminders(this ISiloBuilder builder, DatabaseSpec database, Action<ReminderOptions>? configure = null)
    {
        UsesDatabase(builder, database);
        builder.Services.Configure<ReminderOptions>(configure ?? (static _ => { }));
        builder.Services.AddSingleton<IReminderTable>(services => new RelationalReminderTable(services.GetRequiredService<DatabaseRegistry>().Get(database)));
        builder.Services.AddSingleton<ReminderService>();
        builder.Services.AddSingleton<IReminderRegistry>(services => services.GetRequiredService<ReminderService>());
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(services => services.GetRequiredService<ReminderService>());
        return builder;
    }

    /// <summary>A stream provider named <paramref name="name"/> whose queue is the outbox table of <paramref name="database"/>.</summary>
    public static ISiloBuilder AddOutboxStreams(this ISiloBuilder builder, string name, DatabaseSpec database, Action<StreamDeliveryOptions>? configure = null)
    {
        UsesDatabase(builder, database);
        builder.AddStreams(
            name,
            services => new RelationalStreamQueue(name, services.GetRequiredService<DatabaseRegistry>().Get(database), services.GetRequiredService<TimeProvider>()),
            configure);
        builder.Services.AddKeyedSingleton<ITransactionalOutbox>(name, (services, key) =>
        {
            var runtime = services.GetRequiredService<SiloRuntime>();
            return new TransactionalOutbox(
                name,
                services.GetRequiredService<DatabaseRegistry>().Get(database),
                services.GetRequiredKeyedService<StreamProviderParts>(key).Agent,
                runtime.Serializer,
                runtime.TimeProvider);
        });
        return builder;
    }

    /// <summary>A stream provider over any <see cref="IStreamQueue"/> (the RabbitMQ provider plugs in here).</summary>
    public static ISiloBuilder AddStreams(this ISiloBuilder builder, string name, Func<IServiceProvider, IStreamQueue> createQueue, Action<StreamDeliveryOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.Configure<StreamDeliveryOptions>(name, configure ?? (static _ => { }));
        builder.Services.AddKeyedSingleton(name, (services, _) =>
        {
            var runtime = services.GetRequiredService<SiloRuntime>();
            var queue = createQueue(services);
            var subscriptions = new ExplicitSubscriptions();
            var agent = new StreamDeliveryAgent(
                name,
                queue,
                subscriptions,
                runtime.Registry,
                runtime.Dispatcher,
                services.GetKeyedService<IStreamDeadLetterObserver>(name),
                services.GetRequiredService<IOptionsMonitor<StreamDeliveryOptions>>().Get(name),
                runtime.TimeProvider,
                services.GetRequiredService<ILogger<StreamDeliveryAgent>>());
            return new StreamProviderParts(new QueueStreamProvider(name, queue, subscriptions, agent, runtime.Serializer), agent);
        });
        builder.Services.AddKeyedSingleton<IStreamProvider>(name, (services, key) => services.GetRequiredKeyedService<StreamProviderParts>(key).Provider);
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(services => services.GetRequiredKeyedService<StreamProviderParts>(name).Agent);
        return builder;
    }

    /// <summary>
    /// Tells <paramref name="observer"/> about every event the provider <paramref name="name"/> gives up on,
    /// before the event is moved to the dead letters (so a crash in between tells it again, never not at all).
    /// </summary>
    public static ISiloBuilder AddStreamDeadLetterObserver<TObserver>(this ISiloBuilder builder, string name)
        where TObserver : class, IStreamDeadLetterObserver
    {
        builder.Services.AddKeyedSingleton<IStreamDeadLetterObserver, TObserver>(name);
        return builder;
    }

    /// <summary>Application tables in <paramref name="database"/>, migrated at start-up after the runtime's own.</summary>
    public static ISiloBuilder AddApplicationSchema(
        this ISiloBuilder builder,
        DatabaseSpec database,
        string component,
        Func<string, IReadOnlyList<SchemaMigration>> migrationsForDialect)
    {
        ArgumentException.ThrowIfNullOrEmpty(component);
        if (component == RelationalDatabase.RuntimeComponent)
        {
            throw new ArgumentException($"'{component}' is the runtime's own schema component.", nameof(component));
        }

        UsesDatabase(builder, database);
        builder.Services.AddSingleton(new ApplicationSchema(database, component, migrationsForDialect));
        return builder;
    }

    /// <summary>Everything durable in one database: grain storage "Default", reminders and the "Default" stream provider.</summary>
    public static ISiloBuilder UseDatabase(this ISiloBuilder builder, DatabaseSpec database, Action<ReminderOptions>? reminders = null) =>
        builder
            .AddGrainStorage(PersistentStateAttribute.DefaultStorageName, database)
            .UseReminders(database, reminders)
            .AddOutboxStreams("Default", database);

    private static void UsesDatabase(ISiloBuilder builder, DatabaseSpec database) => builder.Services.AddSingleton(database);

    private sealed record StreamProviderParts(IStreamProvider Provider, StreamDeliveryAgent Agent);
}
