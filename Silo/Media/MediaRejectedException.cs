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
public class MediaRejectedException(MediaRejection rejection, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public MediaRejection Rejection { get; } = rejection;

    /// <summary>
    /// What a client may be told. Decoders' own messages can carry scratch paths and tool output, so those
    /// are logged, and clients get a plain sentence for the kind of refusal instead.
    /// </summary>
    public static string ClientMessageFor(MediaRejection rejection) => rejection switch
    {
        MediaRejection.TooLarge => "The media is over one of our limits (size, pixels or duration).",
        MediaRejection.Unsupported => "The file is not an image or video in a format we accept.",
        _ => "The file is damaged or incomplete and cannot be read.",
    };
}
