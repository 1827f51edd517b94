namespace Instagram.Silo.Media;

/// <summary>Why an upload is refused; each maps to one HTTP status.</summary>
public enum MediaRejection
{
    /// <summary>Over a size, pixel or duration limit (413 for bytes; 422 for pixels and duration).</summary>
    TooLarge,

    /// <summary>Not a format we accept (415).</summary>
    Unsupported,

    /// <summary>A format we accept, but the file is damaged or inconsistent (422).</summary>
    Invalid,
}

/// <summary>
/// The media itself is unacceptable. Permanent: processing it again cannot succeed, so a job that meets
/// this fails the media at once instead of retrying.
/// </summary>
public sealed class MediaRejectedException(MediaRejection rejection, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public MediaRejection Rejection { get; } = rejection;
}
