using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Feed.Benchmarks.Load;

/// <summary>What one wrk run measured.</summary>
/// <param name="Errors">Socket errors and responses that were not 2xx/3xx: a run with errors measured something else.</param>
/// <param name="Cost">What the requests cost this process (the server), per request.</param>
internal sealed record LoadResult(string Scenario, long Requests, TimeSpan Duration, TimeSpan P50, TimeSpan P99, long Errors, long Bytes, ProcessCost Cost)
{
    public double PerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>
/// Runs wrk (Debian's package) as a second process against the host over loopback: one thread, a fixed
/// number of keep-alive connections, each request carrying the next token of a list so that every reader's
/// feed is asked for in turn. A small Lua script rotates the tokens and prints a machine-readable summary
/// (the numbers come from the script's line; wrk's own --latency report is not shown).
/// </summary>
internal sealed partial class Wrk(string workDirectory, int connections)
{
    private const string Script = """
        -- Rotates Authorization over the tokens file given after "--" (or sends none), one pre-built request per token.
        local requests = {}
        local next_index = 0

        function init(args)
          local file = args[1]
          if file ~= nil and file ~= "none" then
            for token in io.lines(file) do
              requests[#requests + 1] = wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. token })
            end
          end
          if #requests == 0 then
            requests[1] = wrk.format()
          end
        end

        function request()
          next_index = next_index % #requests + 1
          return requests[next_index]
        end

        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT requests=%.0f duration_us=%.0f bytes=%.0f p50_us=%.0f p99_us=%.0f errors=%.0f\n",
            summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
            e.connect + e.read + e.write + e.status + e.timeout))
        end
        """;

    private static readonly TimeSpan WarmupRound = TimeSpan.FromSeconds(2);
    private const int SteadyRounds = 3;
    private const double SteadySpread = 0.10;

    private readonly string _scriptPath = WriteScript(workDirectory);

    /// <summary>
    /// Loads the endpoint in 2 s rounds for at least <paramref name="minimum"/>, then until the last three rounds
    /// are within 10 % of each other, for at most three times the minimum. On 2 busy cores the tiered JIT takes
    /// some 20 s to recompile the feed's hot paths (its compiler thread competes with the load), and a window
    /// measured before that measures the compiler. Returns each round's requests/s.
    /// </summary>
    public async Task<IReadOnlyList<double>> WarmUpAsync(Uri url, string? tokensFile, TimeSpan minimum)
    {
        var rounds = new List<double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < 3 * minimum)
        {
            rounds.Add((await RunAsync("warm-up", url, tokensFile, WarmupRound)).PerSecond);
            var last = rounds.TakeLast(SteadyRounds).ToList();
            if (clock.Elapsed >= minimum && last.Count == SteadyRounds && last.Max() <= (1 + SteadySpread) * last.Min())
            {
                break;
            }
        }

        return rounds;
    }

    /// <param name="tokensFile">One bearer token per line, or null for requests without one.</param>
    public async Task<LoadResult> RunAsync(string scenario, Uri url, string? tokensFile, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency",
            "-s", _scriptPath, url.ToString(), "--", tokensFile ?? "none",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var before = ProcessLoad.Read();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (scripts/bench-feed.sh installs it).");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var after = ProcessLoad.Read();
        var match = ResultLine().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output}{await error}");
        }

        long Field(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new LoadResult(
            scenario,
            Field("requests"),
            TimeSpan.FromMicroseconds(Field("duration")),
            TimeSpan.FromMicroseconds(Field("p50")),
            TimeSpan.FromMicroseconds(Field("p99")),
            Field("errors"),
            Field("bytes"),
            after.Since(before, Field("requests")));
    }

    private static string WriteScript(string directory)
    {
        var path = Path.Combine(directory, "rotate-tokens.lua");
        File.WriteAllText(path, Script);
        return path;
    }

    [GeneratedRegex(@"RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) bytes=(?<bytes>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+) errors=(?<errors>\d+)")]
    private static partial Regex ResultLine();
}
