using System.Globalization;
using System.Text.Json;

namespace Instagram.Silo.Media.Video;

/// <summary>What the transcoder needs from a probe: the display header and which streams to map.</summary>
/// <param name="VideoStreamIndex">ffprobe's <c>index</c> of the picture stream to transcode (<c>-map 0:N</c>).</param>
/// <param name="AudioStreamIndex">Index of the first audio stream, or null for a silent video.</param>
internal sealed record ProbedVideo(VideoHeader Header, int VideoStreamIndex, int? AudioStreamIndex);

/// <summary>
/// Reads the JSON of <c>ffprobe -print_format json -show_format -show_streams</c>. Phones record in the
/// sensor's orientation and store the turn as a display matrix (ffprobe 5+: <c>side_data_list[].rotation</c>)
/// or, from older muxers, a <c>rotate</c> tag; ffmpeg applies either when decoding, so the header reports
/// the upright size. Non-square pixels (anamorphic video) are widened to their display width likewise.
/// </summary>
internal static class FfprobeReport
{
    public static ProbedVideo Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "ffprobe produced unreadable output for this file.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var streams = root.TryGetProperty("streams", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList()
                : [];

            // Cover art in a movie is a video stream too (attached_pic); it is not the picture we transcode.
            var video = streams.FirstOrDefault(s => CodecType(s) == "video" && !IsAttachedPicture(s));
            if (video.ValueKind != JsonValueKind.Object)
            {
                throw new MediaRejectedException(MediaRejection.Unsupported, "The file contains no video stream.");
            }

            var audio = streams.FirstOrDefault(s => CodecType(s) == "audio");
            var (width, height) = DisplaySize(video);
            var duration = Duration(root, video);
            return new ProbedVideo(
                new VideoHeader(width, height, duration),
                Int(video, "index") ?? 0,
                audio.ValueKind == JsonValueKind.Object ? Int(audio, "index") : null);
        }
    }

    private static (int Width, int Height) DisplaySize(JsonElement video)
    {
        var width = Int(video, "width") ?? 0;
        var height = Int(video, "height") ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "The video stream has no picture size; the file is damaged.");
        }

        if (SampleAspectRatio(video) is { } ratio && ratio != 1)
        {
            width = Math.Max(1, (int)Math.Round(width * ratio));
        }

        return IsQuarterTurn(Rotation(video)) ? (height, width) : (width, height);
    }

    /// <summary>Degrees from the display matrix, else the legacy tag, else 0.</summary>
    private static double Rotation(JsonElement video)
    {
        if (video.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in sideData.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("rotation", out var rotation)
                    && rotation.ValueKind == JsonValueKind.Number)
                {
                    return rotation.GetDouble();
                }
            }
        }

        return video.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
            && Number(tags, "rotate") is { } tagged ? tagged : 0;
    }

    private static bool IsQuarterTurn(double degrees) => Math.Abs((long)Math.Round(degrees / 90)) % 2 == 1;

    /// <summary>"4:3" → 1.333; null when absent, unknown ("0:1") or nonsense.</summary>
    private static double? SampleAspectRatio(JsonElement video)
    {
        if (!video.TryGetProperty("sample_aspect_ratio", out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var parts = value.GetString()!.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && numerator > 0 && denominator > 0
            // Beyond this a "pixel" is no longer a pixel but a damaged or hostile header.
            && numerator <= 16 * denominator && denominator <= 16 * numerator
                ? (double)numerator / denominator
                : null;
    }

    private static TimeSpan Duration(JsonElement root, JsonElement video)
    {
        // The container's duration covers the longest stream; a stream's own is the fallback (some muxers omit the former).
        var seconds = (root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object ? Number(format, "duration") : null)
            ?? Number(video, "duration");
        if (seconds is not { } value || !double.IsFinite(value) || value <= 0 || value > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new MediaRejectedException(MediaRejection.Invalid, "The video's duration is missing or nonsensical; the file is damaged.");
        }

        return TimeSpan.FromSeconds(value);
    }

    private static string? CodecType(JsonElement stream) =>
        stream.ValueKind == JsonValueKind.Object && stream.TryGetProperty("codec_type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition) && disposition.ValueKind == JsonValueKind.Object
        && Int(disposition, "attached_pic") == 1;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>ffprobe writes durations and tags as strings ("1.000000", "90").</summary>
    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
