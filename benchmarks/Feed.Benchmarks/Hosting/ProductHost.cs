using Feed.Benchmarks.Load;
using Instagram.ApiFrontend.Hosting;
using Instagram.Grains.Identity;
using Instagram.Silo.Storage;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// The product in embedded mode, composed as ApiFrontend/Program.cs composes it (EmbeddedProduct), serving on Kestrel at
/// 127.0.0.1 on a free port, with its data in a temporary directory (deleted on dispose) or, given a
/// connection string, in PostgreSQL. The benchmark's own endpoints are mapped beside the API's.
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ProductHost(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Address = address;
        Tokens = new BearerTokens(app.Services);
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Every grain call the silo served, by grain type and method.</summary>
    public GrainCallCounter Calls => Services.GetRequiredService<GrainCallCounter>();

    /// <summary>The app's own ID generator: seeded rows get IDs exactly like the ones the app makes.</summary>
    public SnowflakeIdGenerator Ids => Services.GetRequiredService<SnowflakeIdGenerator>();

    public BearerTokens Tokens { get; }

    /// <summary>The app's database instance (the one its grains use), for seeding and counting rows.</summary>
    public RelationalDatabase Database => Services.GetRequiredService<RelationalDatabase>();

    /// <summary>Active activations per grain class (Orleans' management grain), those with any.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ActivationsAsync()
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        // Types are named "Namespace.Class,Assembly".
        return statistics.GroupBy(s => s.GrainType.Split(',')[0].Split('.')[^1])
            .Where(g => g.Sum(s => s.ActivationCount) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    /// <param name="postgresConnectionString">Null for the embedded default (SQLite in the data directory).</param>
    /// <param name="mapEndpoints">The benchmark's own endpoints, mapped after the API's.</param>
    /// <param name="settings">Configuration on top of the benchmark's own (an operator password, say).</param>
    public static async Task<ProductHost> StartAsync(
        string? postgresConnectionString,
        Action<WebApplication>? mapEndpoints = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "instagram-feed-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Settings(dataDirectory, postgresConnectionString));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // port 0: Kestrel takes a free one, read back below

        builder.AddEmbeddedProduct();

        // Longer than any run, so no access token expires under load.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(
            Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenDefaults.AuthenticationScheme,
            options => options.BearerTokenExpiration = TimeSpan.FromHours(12));
        builder.Services.AddSingleton<GrainCallCounter>();
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());

        var app = builder.Build();
        app.UseEmbeddedProduct();
        mapEndpoints?.Invoke(app);
        await app.StartAsync();
        return new ProductHost(app, dataDirectory, new Uri(app.Urls.Single()));
    }

    /// <summary>An anonymous HTTP client of the API.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>An HTTP client of the API, authenticated as <paramref name="userId"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(long userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.ForAsync(userId));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools(); // pooled connections hold the file open
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string dataDirectory, string? postgresConnectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:PostgresConnectionString"] = postgresConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

            // Each host makes a fresh data-protection key (for its tokens) and warns that it is unencrypted: noise here.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };

        // Seeding posts through the API and warm-up reads must never be throttled: every limit at its maximum.
        foreach (var action in new[] { "Follow", "Post", "Like", "Comment", "Write", "Login" })
        {
            settings[$"RateLimits:{action}:Limit"] = Instagram.ApiFrontend.RateLimits.RateLimitRule.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
