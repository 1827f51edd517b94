namespace Instagram.Silo.Media.Blobs;

/// <summary>Where the S3 store keeps blobs (configuration section <c>Media:Blobs:S3</c>).</summary>
public sealed class S3BlobStoreOptions
{
    /// <summary>
    /// The endpoint of an S3-compatible server, e.g. <c>http://127.0.0.1:4568</c>. Default: none, which
    /// means Amazon S3 itself in <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Region requests are signed for. Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The bucket; created at start-up if missing. Required.</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>Access key id. Default: none, which takes credentials from the environment (AWS's default chain).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key; set together with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Addresses buckets as <c>endpoint/bucket/key</c> instead of <c>bucket.endpoint/key</c>. Default: true,
    /// which every S3-compatible server understands and needs no DNS per bucket.
    /// </summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Why these options cannot work, one message per problem; empty if they can.</summary>
    public IEnumerable<string> FindProblems(string prefix)
    {
        if (!string.IsNullOrWhiteSpace(ServiceUrl)
            && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            yield return $"{prefix}{nameof(ServiceUrl)} '{ServiceUrl}' is not an http or https URL.";
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            yield return $"{prefix}{nameof(Region)} must name a region (e.g. us-east-1).";
        }

        if (!IsBucketName(Bucket))
        {
            yield return $"{prefix}{nameof(Bucket)} '{Bucket}' is not a bucket name: 3 to 63 characters of a-z 0-9 . -, starting and ending with a letter or digit.";
        }

        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return $"{prefix}{nameof(AccessKey)} and {prefix}{nameof(SecretKey)} must be set together (or neither, for credentials from the environment).";
        }
    }

    private static bool IsBucketName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(character => character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1]);
}
