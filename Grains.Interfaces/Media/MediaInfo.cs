using System.Collections.Immutable;

namespace Instagram.Grains.Media;

[GenerateSerializer, Alias("ig.MediaType")]
public enum MediaType
{
    Image,
    Video,
}

/// <summary>Where a media item is in its life. Only <see cref="Ready"/> media can be published in a post.</summary>
[GenerateSerializer, Alias("ig.MediaStatus")]
public enum MediaStatus
{
    /// <summary>An upload URL was issued; the bytes have not been confirmed yet.</summary>
    AwaitingUpload,

    /// <summary>The original is stored; variants are being produced.</summary>
    Processing,

    Ready,

    /// <summary>Rejected (unreadable, over a limit) or given up on after retries. <see cref="MediaInfo.Failure"/> says why.</summary>
    Failed,
}

/// <summary>One rendition we serve: an image size (WebP) or a video rendition (MP4). Blob keys are immutable.</summary>
[GenerateSerializer, Immutable, Alias("ig.MediaVariant")]
public sealed record MediaVariant(string Name, string Key, int Width, int Height, string ContentType);

/// <summary>A media item as its grain holds it and answers it.</summary>
/// <param name="UploadKey">Where the uploaded bytes were put, before content addressing.</param>
/// <param name="OriginalKey">Content-addressed key of the original, once processed (never served).</param>
[GenerateSerializer, Immutable, Alias("ig.MediaInfo")]
public sealed record MediaInfo(
    long MediaId,
    long OwnerId,
    MediaType Type,
    MediaStatus Status,
    string ContentType,
    long SizeBytes,
    string UploadKey,
    string? OriginalKey,
    int? Width,
    int? Height,
    double? DurationSeconds,
    string? Blurhash,
    ImmutableArray<MediaVariant> Variants,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Bytes a client is about to upload or has uploaded, as the frontend vouches for them.</summary>
/// <param name="OwnerId">The authenticated uploader.</param>
/// <param name="ContentType">The format the bytes were sniffed as (or, before upload, declared as).</param>
/// <param name="UploadKey">The blob key the bytes go to.</param>
[GenerateSerializer, Immutable, Alias("ig.MediaUpload")]
public sealed record MediaUpload(long OwnerId, MediaType Type, string ContentType, long SizeBytes, string UploadKey);
