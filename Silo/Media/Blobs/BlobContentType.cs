namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// The content type stored with a blob goes back out in HTTP headers (and into S3's), so it must be a
/// short line of visible ASCII: no control characters that could split a header.
/// </summary>
internal static class BlobContentType
{
    public const int MaxLength = 200;

    public static void Validate(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || contentType.Length > MaxLength
            || contentType.Any(character => character is < ' ' or > '~'))
        {
            throw new ArgumentException(
                $"A blob's content type must be 1 to {MaxLength} characters of visible ASCII.", nameof(contentType));
        }
    }
}
