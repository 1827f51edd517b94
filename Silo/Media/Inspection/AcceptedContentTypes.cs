namespace Instagram.Silo.Media.Inspection;

/// <summary>The content types a client may declare for an upload, and the kind of media each is.</summary>
public static class AcceptedContentTypes
{
    private static readonly Dictionary<string, MediaKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = MediaKind.Image,
        ["image/png"] = MediaKind.Image,
        ["image/gif"] = MediaKind.Image,
        ["image/webp"] = MediaKind.Image,
        ["image/heic"] = MediaKind.Image,
        ["image/heif"] = MediaKind.Image,
        ["image/avif"] = MediaKind.Image,
        ["video/mp4"] = MediaKind.Video,
        ["video/quicktime"] = MediaKind.Video,
    };

    public static IEnumerable<string> All => Kinds.Keys;

    /// <summary>The kind of media <paramref name="contentType"/> is, or null if we do not accept it.</summary>
    public static MediaKind? KindOf(string? contentType) =>
        contentType is not null && Kinds.TryGetValue(contentType.Split(';')[0].Trim(), out var kind) ? kind : null;
}
