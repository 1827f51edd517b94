using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Hosting;
using Runtime.Manifest;
using Runtime.Messaging;
using Runtime.Serialization;
using Runtime.Statistics;
using Runtime.Storage;

namespace Runtime;

/// <summary>
/// Composition root of one silo's runtime: builds the catalog, dispatcher, serializer, timeout sweeper
/// and collector, which depend on one another, and hands them to activations. One per silo; several
/// silos in one process (as in tests) share nothing.
/// </summary>
internal sealed class SiloRuntime
{
    private readonly IServiceProvider _services;

    public SiloRuntime(
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IServiceProvider services,
        GrainRegistry registry,
        RuntimeStatistics statistics)
    {
        _services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Registry = registry;
        Statistics = statistics;
        ActivationLogger = loggerFactory.CreateLogger<ActivationData>();
        Serializer = new RuntimeSerializer(registry, () => Dispatcher!);
        var inFlight = new InFlightRequests();
        Catalog = new Catalog(this, registry, statistics, Options.CollectionAge);
        Dispatcher = new GrainCallDispatcher(
            Catalog,
            inFlight,
            Serializer,
            Options.SerializeMessagesInProcess ? new MessageCodec(registry, Serializer) : null,
            timeProvider,
            Options.ResponseTimeout,
            loggerFactory.CreateLogger<GrainCallDispatcher>());
        GrainFactory = new GrainFactory(registry, Dispatcher);
        GrainRuntime = new GrainRuntime(GrainFactory, timeProvider, services);
        TimeoutSweeper = new ResponseTimeoutSweeper(inFlight, statistics, timeProvider, Options.ResponseTimeout, loggerFactory.CreateLogger<ResponseTimeoutSweeper>());
        Collector = new ActivationCollector(Catalog, timeProvider, Options.CollectionQuantum);
    }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public GrainRegistry Registry { get; }

    public RuntimeStatistics Statistics { get; }

    public ILogger ActivationLogger { get; }

    public RuntimeSerializer Serializer { get; }

    public Catalog Catalog { get; }

    public GrainCallDispatcher Dispatcher { get; }

    public GrainFactory GrainFactory { get; }

    public GrainRuntime GrainRuntime { get; }

    public ResponseTimeoutSweeper TimeoutSweeper { get; }

    public ActivationCollector Collector { get; }

    public IGrainStorage GetGrainStorage(string name) =>
        _services.GetKeyedService<IGrainStorage>(name)
        ?? throw new InvalidOperationException($"No grain storage named '{name}' is configured. Add one with AddSqliteGrainStorage or AddPostgresGrainStorage.");
}
