using Instagram.Silo.Media.Inspection;

namespace Instagram.Silo.Media;

/// <summary>Limits and processing settings of the media pipeline (configuration section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Largest image upload, in bytes. Default 20 MB.</summary>
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest video upload, in bytes. Default 200 MB.</summary>
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Longest video. Default 60 s.</summary>
    public TimeSpan MaxVideoDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most pixels an image may declare; larger ones are refused before decoding (decompression bombs). Default 100 megapixels.</summary>
    public long MaxImagePixels { get; set; } = 100_000_000;

    /// <summary>Jobs processed at once in this silo. Default: one per processor.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>Processing attempts before a job is dead-lettered and its media marked failed. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait after the first failed attempt; doubles after each further one (2 s, then 4 s). Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest one attempt may take before it counts as failed. Default 10 min.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Scratch space for jobs (originals downloaded, renditions written). Default: the system temp directory.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>
    /// Base of the public URLs of variant files, e.g. <c>https://cdn.example.com</c>. Default: none, which
    /// means the scheme and host of the request that asked (right when clients talk to the frontend directly).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a direct-upload URL stays valid. Default 15 min.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public long MaxBytesFor(MediaKind kind) => kind == MediaKind.Video ? MaxVideoBytes : MaxImageBytes;

    /// <summary>The largest upload of any kind: what a request body may be before its kind is known.</summary>
    public long MaxUploadBytes => Math.Max(MaxImageBytes, MaxVideoBytes);
}
