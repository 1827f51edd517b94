using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using Instagram.ApiFrontend.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The API frontend in embedded mode, in memory, with a data directory of its own (deleted on dispose), or
/// the <paramref name="dataDirectory"/> given, which the test owns (so a second instance can reopen it: a restart).
/// <paramref name="settings"/> are added on top (configuration keys such as <c>Storage:PostgresConnectionString</c>);
/// <paramref name="services"/> may replace services (a processor that fails on purpose, say).
/// </summary>
public sealed class EmbeddedApi(
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly TestDirectory? _ownDataDirectory = dataDirectory is null ? new("apifrontend-tests") : null;

    public string DataDirectory => dataDirectory ?? _ownDataDirectory!.Path;

    /// <summary>Serves over real Kestrel on a loopback port instead of the in-memory test server (which buffers request bodies).</summary>
    public EmbeddedApi OverKestrel()
    {
        UseKestrel(0);
        StartServer();
        return this;
    }

    /// <summary>
    /// A client authenticated as <paramref name="userId"/>, with tokens of a session started by the app's own
    /// <see cref="SessionTokens"/> — what login hands out, without needing accounts in these tests.
    /// </summary>
    public async Task<HttpClient> CreateClientForAsync(long userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userId));
        return client;
    }

    /// <summary>
    /// A client of the real server (<see cref="OverKestrel"/>) whose connections come from
    /// <paramref name="source"/>, a loopback address such as 127.0.0.2: a second client address on one machine.
    /// </summary>
    public HttpClient CreateClientFrom(IPAddress source)
    {
        using var probe = CreateClient(); // only for the real server's address
        var server = probe.BaseAddress!;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(IPAddress.Parse(server.Host), server.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server };
    }

    /// <summary>An access token of a new session of <paramref name="userId"/>.</summary>
    public async Task<string> TokenForAsync(long userId) =>
        (await Services.GetRequiredService<SessionTokens>().StartAsync(userId, "tests")).AccessToken;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Every test client shares one address (the in-memory server has none), and a test class registers
        // more users than a person would in an hour; tests of the registration limit set their own.
        builder.UseSetting("RateLimits:Register:Limit", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ownDataDirectory?.Dispose();
    }
}
