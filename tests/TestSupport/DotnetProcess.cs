using System.Collections.Concurrent;
using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// A program built next to the tests (a ProjectReference copies its dll and runtimeconfig here), run in
/// a process of its own so that a test can configure it as an operator would and kill it with SIGKILL.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private DotnetProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the program wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    /// <param name="assemblyFileName">The program's dll, e.g. <c>ApiFrontend.dll</c>.</param>
    /// <param name="arguments">Command-line arguments.</param>
    /// <param name="environment">Environment variables to set for it.</param>
    public static DotnetProcess Start(string assemblyFileName, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            // Programs read appsettings.json from the working directory; theirs is copied here too.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyFileName));
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new DotnetProcess(Process.Start(start) ?? throw new InvalidOperationException($"{assemblyFileName} did not start."));
    }

    /// <summary>Waits until the program prints <paramref name="line"/>; fails early, with its output, if it exits.</summary>
    public async Task WaitForLineAsync(string line, TimeSpan? deadline = null)
    {
        await Eventually.TrueAsync(() => _lines.Contains(line) || _process.HasExited, $"the program prints '{line}'", deadline ?? TimeSpan.FromSeconds(60));
        ThrowIfExited($"without printing '{line}'");
    }

    /// <summary>Throws, with the program's output, if it has exited.</summary>
    public void ThrowIfExited(string context)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The program exited with code {_process.ExitCode} {context}. Output:\n{string.Join('\n', _lines)}");
        }
    }

    /// <summary>Waits for the program to end by itself and returns its exit code (killed by a signal: 128 + its number, as in a shell).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the program gets no chance to flush or clean up anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
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
