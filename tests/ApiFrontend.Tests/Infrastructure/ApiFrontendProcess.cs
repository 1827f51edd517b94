using System.Net;
using System.Net.Sockets;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The built ApiFrontend.dll running as its own process, configured only as an operator would:
/// ASPNETCORE_URLS and INSTAGRAM_DATA_DIR. Killed on dispose.
/// </summary>
public sealed class ApiFrontendProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private ApiFrontendProcess(DotnetProcess process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
    }

    public HttpClient Client { get; }

    public static ApiFrontendProcess Start(string dataDirectory)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = DotnetProcess.Start("ApiFrontend.dll", environment: new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["INSTAGRAM_DATA_DIR"] = dataDirectory,
        });
        return new ApiFrontendProcess(process, address);
    }

    /// <summary>Polls GET /healthz until it answers 200; fails early, with the output, if the process exits.</summary>
    public async Task WaitUntilLiveAsync()
    {
        await Eventually.TrueAsync(
            async () => _process.HasExited || await AnswersHealthzAsync(),
            "ApiFrontend answers GET /healthz",
            TimeSpan.FromSeconds(60));
        _process.ThrowIfExited("before answering /healthz");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<bool> AnswersHealthzAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/healthz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false; // Not listening yet.
        }
    }

    // Another process could take the port before the frontend binds it; the frontend would then exit
    // and WaitUntilLiveAsync report it, rather than the test hanging.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
