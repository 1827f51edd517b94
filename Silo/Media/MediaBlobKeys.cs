using System.Globalization;

namespace Instagram.Silo.Media;

/// <summary>
/// The blob key layout. Uploads land under the media ID (the hash is not known before the bytes are);
/// processing moves the original to a key named by its SHA-256, and every variant is named by that same
/// hash, so reprocessing an original (a retried or resumed job) writes exactly the same keys. Only
/// <see cref="VariantPrefix"/> is ever served publicly.
/// </summary>
public static class MediaBlobKeys
{
    public const string VariantPrefix = "variants/";

    public static string Upload(long mediaId) => "uploads/" + mediaId.ToString(CultureInfo.InvariantCulture);

    public static string Original(string sha256Hex) => "originals/" + sha256Hex;

    public static string Variant(string sha256Hex, string name, string extension) => $"{VariantPrefix}{sha256Hex}/{name}.{extension}";

    public static bool IsPublic(string key) => key.StartsWith(VariantPrefix, StringComparison.Ordinal);
}
