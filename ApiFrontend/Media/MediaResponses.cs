using System.Globalization;
using Instagram.Grains.Media;
using Instagram.Silo.Media.Catalog;

namespace Instagram.ApiFrontend.Media;

/// <summary>202 answer to an upload or a completed upload.</summary>
public sealed record MediaAccepted(string MediaId, string Status)
{
    public static MediaAccepted From(MediaInfo media) => new(media.MediaId.ToString(CultureInfo.InvariantCulture), MediaNames.Of(media.Status));
}

/// <summary>Answer to <c>GET /media/upload-url</c>: PUT the bytes to <see cref="UploadUrl"/>, then complete.</summary>
public sealed record UploadUrlIssued(string MediaId, Uri UploadUrl, DateTimeOffset ExpiresAt);

/// <summary>A media item as clients see it. Variants map each size's name to its public URL.</summary>
public sealed record MediaView(
    string MediaId,
    string Type,
    string Status,
    int? Width,
    int? Height,
    double? DurationSeconds,
    string? Blurhash,
    IReadOnlyDictionary<string, Uri> Variants,
    string? Failure)
{
    public static MediaView From(MediaInfo media, Func<string, Uri> publicUrl) => new(
        media.MediaId.ToString(CultureInfo.InvariantCulture),
        MediaNames.Of(media.Type),
        MediaNames.Of(media.Status),
        media.Width,
        media.Height,
        media.DurationSeconds,
        media.Blurhash,
        media.Variants.ToDictionary(v => v.Name, v => publicUrl(v.Key), StringComparer.Ordinal),
        media.Failure);
}
