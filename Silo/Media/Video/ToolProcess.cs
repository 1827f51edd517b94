using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Instagram.Silo.Media.Video;

/// <summary>How a finished tool run ended.</summary>
/// <param name="StandardOutput">At most the first <c>maxOutputChars</c> characters written to stdout.</param>
/// <param name="StandardOutputOverflowed">stdout was longer than that limit and was cut.</param>
/// <param name="StandardErrorTail">The last few thousand characters of stderr: where ffmpeg explains a failure.</param>
internal sealed record ToolRun(int ExitCode, string StandardOutput, bool StandardOutputOverflowed, string StandardErrorTail);

/// <summary>
/// Runs ffmpeg/ffprobe as a child process. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>
/// so no file name is ever parsed by a shell; stdin is closed so ffmpeg never waits for a keypress; stdout
/// and stderr are drained concurrently because a child blocks once a pipe's buffer (64 KiB) is full;
/// cancellation and the timeout kill the whole process tree so nothing keeps burning CPU after we gave up.
/// </summary>
internal static class ToolProcess
{
    /// <summary>Enough of stderr to hold ffmpeg's last complaints, not the megabytes a broken file can provoke.</summary>
    public const int StandardErrorTailChars = 4096;

    /// <summary>Default cap on stdout kept in memory (ffprobe's JSON is a few KiB for any sane file).</summary>
    public const int DefaultMaxOutputChars = 4 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="executable"/> to completion and returns its exit code and output; does not judge
    /// the exit code. Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/>
    /// fires and <see cref="VideoToolException"/> when the process cannot start or outlives <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ToolRun> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        int maxOutputChars = DefaultMaxOutputChars)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new VideoToolException(
                $"Could not start '{executable}': {e.Message}. Install ffmpeg (scripts/lib/media.sh does) or point VideoProcessingOptions at it.", e);
        }

        try
        {
            process.StandardInput.Close();
            var output = DrainAsync(process.StandardOutput, maxOutputChars, keepTail: false);
            var errors = DrainAsync(process.StandardError, StandardErrorTailChars, keepTail: true);

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                var (errorTail, _) = await errors.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                throw new VideoToolException(
                    $"{Path.GetFileName(executable)} did not finish within {timeout} and was killed.{FormatTail(errorTail)}");
            }

            var (standardOutput, overflowed) = await output.ConfigureAwait(false);
            var (standardErrorTail, _) = await errors.ConfigureAwait(false);
            return new ToolRun(process.ExitCode, standardOutput, overflowed, standardErrorTail);
        }
        finally
        {
            // Reached with the process still running only if something above threw unexpectedly: never leave it behind.
            if (!process.HasExited)
            {
                KillTree(process);
            }
        }
    }

    /// <summary>" stderr: …" for an error message, or nothing when stderr was empty.</summary>
    public static string FormatTail(string standardErrorTail) =>
        string.IsNullOrWhiteSpace(standardErrorTail) ? "" : " stderr: " + standardErrorTail.Trim();

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static async Task<(string Text, bool Overflowed)> DrainAsync(StreamReader reader, int limit, bool keepTail)
    {
        // Keeps reading past the limit (discarding) so the child never blocks on a full pipe.
        var buffer = new char[8192];
        var text = new StringBuilder();
        var overflowed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            if (keepTail)
            {
                text.Append(buffer, 0, read);
                if (text.Length > limit)
                {
                    overflowed = true;
                    text.Remove(0, text.Length - limit);
                }
            }
            else
            {
                var room = limit - text.Length;
                text.Append(buffer, 0, Math.Min(read, room));
                overflowed |= read > room;
            }
        }

        return (text.ToString(), overflowed);
    }
}
