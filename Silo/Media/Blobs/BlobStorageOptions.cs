using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Where media bytes are kept (configuration section <c>Media:Blobs</c>). Embedded mode: files in
/// <see cref="LocalDirectory"/>. Cluster mode: an S3 bucket shared by every node (<see cref="S3"/>).
/// </summary>
public sealed class BlobStorageOptions
{
    public const string SectionName = "Media:Blobs";

    public const string LocalProvider = "local";
    public const string S3Provider = "s3";

    /// <summary>Name of <see cref="LocalDirectory"/>'s default inside the data directory.</summary>
    public const string DefaultLocalDirectoryName = "media";

    /// <summary><c>local</c> or <c>s3</c> (any case). Default: <c>local</c>.</summary>
    public string Provider { get; set; } = LocalProvider;

    /// <summary>
    /// The local store's root directory; relative paths are resolved against the working directory.
    /// Default: <c>media</c> inside the data directory (<c>Storage:DataDirectory</c>).
    /// </summary>
    public string? LocalDirectory { get; set; }

    /// <summary>The S3 store's settings, used when <see cref="Provider"/> is <c>s3</c>.</summary>
    public S3BlobStoreOptions S3 { get; set; } = new();

    /// <summary>Throws, listing every problem, unless these options can work.</summary>
    /// <exception cref="OptionsValidationException">They cannot.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (IsLocal)
        {
            if (LocalDirectory is not null && string.IsNullOrWhiteSpace(LocalDirectory))
            {
                problems.Add($"{SectionName}:{nameof(LocalDirectory)} is blank; leave it out for the default (media in the data directory).");
            }
        }
        else if (IsS3)
        {
            problems.AddRange(S3.FindProblems($"{SectionName}:{nameof(S3)}:"));
        }
        else
        {
            problems.Add($"{SectionName}:{nameof(Provider)} '{Provider}' is unknown: use '{LocalProvider}' or '{S3Provider}'.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(SectionName, typeof(BlobStorageOptions), problems);
        }
    }

    internal bool IsLocal => string.Equals(Provider, LocalProvider, StringComparison.OrdinalIgnoreCase);

    internal bool IsS3 => string.Equals(Provider, S3Provider, StringComparison.OrdinalIgnoreCase);
}
