using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The API frontend in embedded mode, in memory, with a data directory of its own (deleted on dispose).
/// <paramref name="settings"/> are added on top (configuration keys such as <c>Storage:PostgresConnectionString</c>).
/// </summary>
public sealed class EmbeddedApi(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TestDirectory _dataDirectory = new();

    public string DataDirectory => _dataDirectory.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // On dispose, WebApplicationFactory and Program's app.Run() both stop the host, concurrently. The
        // silo's StopAsync is not safe against that: the second call returns at once, app.Run() disposes
        // the container under the first, and a stopping stage can hang until the silo's ShutdownTimeout.
        // A short timeout keeps such a test from taking 30 s more until the runtime tolerates a double stop.
        builder.ConfigureServices(services => services.Configure<SiloOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDirectory.Dispose();
    }
}
