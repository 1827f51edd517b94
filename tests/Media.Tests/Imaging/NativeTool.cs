using System.Diagnostics;

namespace Media.Tests.Imaging;

/// <summary>
/// Runs the command-line tools that make and inspect fixtures (vips, exiftool, ImageMagick; installed by
/// scripts/lib/media.sh's ensure_media_testing). Independent of the code under test on purpose.
/// </summary>
internal static class NativeTool
{
    public const string Vips = "/usr/bin/vips";
    public const string ExifTool = "/usr/bin/exiftool";

    /// <summary>The real ImageMagick, not the stand-in some machines put earlier on PATH.</summary>
    public const string ImageMagick = "/usr/bin/convert";

    /// <summary>Runs to completion; returns standard output; throws with standard error if the tool failed.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }

        return output;
    }
}
