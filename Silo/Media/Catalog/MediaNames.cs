using Instagram.Grains.Media;

namespace Instagram.Silo.Media.Catalog;

/// <summary>The snake_case names media types and statuses have in the database (and in the HTTP API).</summary>
public static class MediaNames
{
    public static string Of(MediaType type) => type switch
    {
        MediaType.Image => "image",
        MediaType.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Of(MediaStatus status) => status switch
    {
        MediaStatus.AwaitingUpload => "awaiting_upload",
        MediaStatus.Processing => "processing",
        MediaStatus.Ready => "ready",
        MediaStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static MediaType ParseType(string name) => name switch
    {
        "image" => MediaType.Image,
        "video" => MediaType.Video,
        _ => throw new FormatException($"Unknown media type '{name}'."),
    };

    public static MediaStatus ParseStatus(string name) => name switch
    {
        "awaiting_upload" => MediaStatus.AwaitingUpload,
        "processing" => MediaStatus.Processing,
        "ready" => MediaStatus.Ready,
        "failed" => MediaStatus.Failed,
        _ => throw new FormatException($"Unknown media status '{name}'."),
    };
}
