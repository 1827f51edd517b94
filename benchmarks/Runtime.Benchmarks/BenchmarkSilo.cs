using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Hosting;

namespace Runtime.Benchmarks;

/// <summary>A silo with the benchmark grains and production defaults (isolation, statistics and timeouts all on).</summary>
internal sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Calls the silo itself recorded for a grain type: a cross-check on what the callers counted.</summary>
    public long RecordedCalls(string grainType) =>
        _host.Services.GetRequiredService<Runtime.Statistics.IRuntimeStatistics>().GetSnapshot().GrainTypes
            .Where(t => t.GrainType == grainType)
            .SelectMany(t => t.Methods)
            .Sum(m => m.Calls);

    public static async Task<BenchmarkSilo> StartAsync(DatabaseSpec? storage = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(PingGrain).Assembly);
            if (storage is not null)
            {
                silo.AddGrainStorage("Default", storage);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
