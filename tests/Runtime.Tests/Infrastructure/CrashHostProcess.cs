using System.Collections.Concurrent;
using System.Diagnostics;
using Runtime.Hosting;

namespace Runtime.Tests.Infrastructure;

/// <summary>
/// Runs Runtime.CrashHost (built next to the tests) as a separate process that the test can kill with
/// SIGKILL: a real crash, with no chance to flush or acknowledge anything.
/// </summary>
public sealed class CrashHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private CrashHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public static CrashHostProcess Start(DatabaseSpec database, string streamKey, int events, int hangAfterEvent)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Runtime.CrashHost.dll"));
        start.ArgumentList.Add(database.Dialect);
        start.ArgumentList.Add(database.ConnectionString);
        start.ArgumentList.Add(streamKey);
        start.ArgumentList.Add(events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(hangAfterEvent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new CrashHostProcess(Process.Start(start) ?? throw new InvalidOperationException("The crash host did not start."));
    }

    public Task WaitForLineAsync(string line) =>
        Eventually.TrueAsync(
            () => _lines.Contains(line) || _process.HasExited,
            $"the crash host prints '{line}'",
            TimeSpan.FromSeconds(60))
        .ContinueWith(
            task =>
            {
                task.GetAwaiter().GetResult();
                if (!_lines.Contains(line))
                {
                    throw new InvalidOperationException($"The crash host exited without printing '{line}'. Output:\n{string.Join('\n', _lines)}");
                }
            },
            TaskScheduler.Default);

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
