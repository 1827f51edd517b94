using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The API frontend in embedded mode, in memory, with a data directory of its own (deleted on dispose).
/// <paramref name="settings"/> are added on top (configuration keys such as <c>Storage:PostgresConnectionString</c>).
/// </summary>
public sealed class EmbeddedApi(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TestDirectory _dataDirectory = new("apifrontend-tests");

    public string DataDirectory => _dataDirectory.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDirectory.Dispose();
    }
}
