using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Runtime.Manifest;
using Runtime.Statistics;
using Runtime.Storage.Relational;

namespace Runtime.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Hosts a silo in this process: the runtime, the grains of the assemblies given to
    /// <see cref="ISiloBuilder.AddGrains"/>, and the providers configured on the builder.
    /// Exposes <see cref="IGrainFactory"/> and <see cref="IRuntimeStatistics"/>.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SiloBuilder(services);
        services.AddOptions<SiloOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new GrainRegistry(builder.ApplicationParts));
        services.AddSingleton<RuntimeStatistics>();
        services.AddSingleton<IRuntimeStatistics>(sp => sp.GetRequiredService<RuntimeStatistics>());
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.AddSingleton<DatabaseRegistry>();
        services.AddSingleton<SiloStatus>();
        services.AddHostedService<SiloHost>();
        configure(builder);
        return services;
    }
}
