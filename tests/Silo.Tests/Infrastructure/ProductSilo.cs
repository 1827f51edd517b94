using Instagram.Silo.Hosting;
using Orleans.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Silo.Tests.Infrastructure;

/// <summary>
/// The product's silo (<see cref="InstagramSiloExtensions.AddInstagramSilo"/>) in this process, on a database
/// of its own that outlives it: the SQLite file of a test directory, or a PostgreSQL schema. Start another on
/// the same <see cref="SiloDatabase"/> to restart it. The test grains of this assembly are hosted beside the product's.
/// </summary>
public sealed class ProductSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ProductSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's resumption of unfinished work at start-up, to wait for.</summary>
    internal PendingWorkRecovery PendingWorkRecovery => Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>().OfType<PendingWorkRecovery>().Single();

    public static async Task<ProductSilo> StartAsync(SiloDatabase database, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = database.DataDirectory,
            ["Storage:PostgresConnectionString"] = database.PostgresConnectionString,
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddInstagramSilo();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new ProductSilo(host);
    }

    /// <summary>Stops gracefully: grains deactivate and write what they hold, the silo leaves its cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools(); // pooled connections would hold the file open
    }
}
