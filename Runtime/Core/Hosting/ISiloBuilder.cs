using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Runtime.Hosting;

/// <summary>Configures a silo: grain assemblies, options and providers. See <see cref="SiloBuilderExtensions"/>.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Assemblies whose generated manifests supply grain classes.</summary>
    ISiloBuilder AddGrains(params Assembly[] assemblies);
}

internal sealed class SiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public List<Assembly> ApplicationParts { get; } = [];

    public IServiceCollection Services { get; } = services;

    public ISiloBuilder AddGrains(params Assembly[] assemblies)
    {
        ApplicationParts.AddRange(assemblies.Except(ApplicationParts));
        return this;
    }
}
