using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Instagram.Silo.Media;

/// <summary>
/// The blob key layout. Uploads land under the media ID plus a random part (the hash is not known before
/// the bytes are, and two uploads must never share a key); processing stores the original under its
/// SHA-256 and names every variant by a hash of the media ID and that SHA-256. So a retried or resumed job
/// writes exactly the same keys, a variant's key changes whenever its content could, and a public URL
/// reveals neither the original's hash (which would tell anyone holding a photo whether it was uploaded)
/// nor ties two users' uploads of the same file together. Only <see cref="VariantPrefix"/> is served.
/// </summary>
public static class MediaBlobKeys
{
    public const string VariantPrefix = "variants/";

    /// <summary>Directory of a media item's upload blobs.</summary>
    public static string UploadsOf(long mediaId) => "uploads/" + mediaId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh key for one upload of a media item.</summary>
    public static string NewUpload(long mediaId) => $"{UploadsOf(mediaId)}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    public static string Original(string sha256Hex) => "originals/" + sha256Hex;

    /// <summary>The directory of one media item's variants: a hash of its ID and its original's SHA-256.</summary>
    public static string VariantStem(long mediaId, string originalSha256Hex) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"{mediaId.ToString(CultureInfo.InvariantCulture)}:{originalSha256Hex}")));

    public static string Variant(string stem, string name, string extension) => $"{VariantPrefix}{stem}/{name}.{extension}";

    public static bool IsPublic(string key) => key.StartsWith(VariantPrefix, StringComparison.Ordinal);
}
