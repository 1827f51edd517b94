using Instagram.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Silo.Tests.Cluster;

/// <summary>
/// A test cluster's silo as the product composes one (<see cref="InstagramSiloExtensions.AddInstagramSiloServices"/>
/// and <see cref="OrleansSiloConfiguration.UseInstagramStorage"/>), clustered through Orleans' ADO.NET
/// membership table on PostgreSQL rather than the test cluster's in-memory one. The test cluster chooses
/// ports and cluster IDs; the <c>Storage</c> settings come from the cluster's configuration.
/// </summary>
public sealed class ProductSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var storage = StorageChoice.From(siloBuilder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions());
        siloBuilder.Services.AddInstagramSiloServices(siloBuilder.Configuration, storage);
        siloBuilder.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = "Npgsql";
            clustering.ConnectionString = storage.ConnectionString;
        });
        siloBuilder.UseInstagramStorage(storage);
    }
}

/// <summary>The test's Orleans client, finding gateways in the same membership table.</summary>
public sealed class ProductClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = "Npgsql";
            clustering.ConnectionString = configuration["Storage:PostgresConnectionString"];
        });
}
