using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The built ApiFrontend.dll (copied next to the tests) running as its own process, configured only as
/// an operator would: ASPNETCORE_URLS and INSTAGRAM_DATA_DIR. Killed on dispose.
/// </summary>
public sealed class ApiFrontendProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiFrontendProcess(Process process, Uri address)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
    }

    public HttpClient Client { get; }

    public static ApiFrontendProcess Start(string dataDirectory)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            // The frontend's appsettings.json is copied here too; it is read from the working directory.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApiFrontend.dll"));
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["INSTAGRAM_DATA_DIR"] = dataDirectory;
        return new ApiFrontendProcess(Process.Start(start) ?? throw new InvalidOperationException("ApiFrontend did not start."), address);
    }

    /// <summary>Polls GET /healthz until it answers 200; fails early, with the output, if the process exits.</summary>
    public async Task WaitUntilLiveAsync()
    {
        await Eventually.TrueAsync(
            async () => _process.HasExited || await AnswersHealthzAsync(),
            "ApiFrontend answers GET /healthz",
            StartDeadline);
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"ApiFrontend exited with code {_process.ExitCode}. Output:\n{string.Join('\n', _output)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
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

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
