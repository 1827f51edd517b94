namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// What a blob key may look like, checked by every store on every call. Keys become file paths in the
/// local store and object names in S3, so they are kept to what is safe and identical in both: relative
/// paths of segments made of <c>[a-z0-9_.-]</c>, separated by single slashes. No segment may be empty,
/// be "." or "..", or start with a dot: dot-names are the local store's own (temporary files and
/// content-type sidecars live next to the blobs), and a key can never climb out of the store's root.
/// </summary>
public static class BlobKey
{
    /// <summary>Longest key, in characters (S3 allows 1024 bytes; ours are far shorter).</summary>
    public const int MaxLength = 512;

    /// <summary>
    /// Longest segment, in characters: file systems allow 255 bytes per name, and the local store's
    /// temporary file for a segment adds a dot and a 37-character suffix.
    /// </summary>
    public const int MaxSegmentLength = 200;

    /// <summary>Why <paramref name="key"/> is not a valid key, or null if it is.</summary>
    public static string? FindProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "it is empty";
        }

        if (key.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        foreach (var character in key)
        {
            if (!IsAllowed(character))
            {
                return $"'{character}' is not one of a-z 0-9 / _ . -";
            }
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty segment (a leading, trailing or double slash)";
            }

            if (segment[0] == '.')
            {
                return $"segment '{segment}' starts with a dot";
            }

            if (segment.Length > MaxSegmentLength)
            {
                return $"a segment is longer than {MaxSegmentLength} characters";
            }
        }

        return null;
    }

    /// <summary>Throws unless <paramref name="key"/> is a valid key.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static void Validate(string? key)
    {
        if (FindProblem(key) is { } problem)
        {
            // Keys are ours, not secrets; shortened so that a hostile one cannot flood the log.
            var shown = key is { Length: > 80 } ? key[..80] + "…" : key;
            throw new ArgumentException($"Invalid blob key '{shown}': {problem}.", nameof(key));
        }
    }

    private static bool IsAllowed(char character) =>
        character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '/' or '_' or '.' or '-';
}
