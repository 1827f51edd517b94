using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Instagram.ApiFrontend.Media;

/// <summary>What a signed upload URL grants: the PUT of at most <paramref name="MaxBytes"/> of <paramref name="ContentType"/> for one media ID of one owner, until it expires.</summary>
public sealed record UploadGrant(long MediaId, long OwnerId, string ContentType, long MaxBytes, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and checks the upload URLs the frontend issues to itself when the blob store cannot presign its own
/// (local disk). The signature is an HMAC-SHA-256 over every granted term, so changing any of them (a bigger
/// size, a later expiry, another media ID) invalidates it. The key comes from <c>Media:UploadSigningKey</c>
/// (base64, at least 32 bytes; every frontend of a cluster must share it); without one, a random key is made
/// at start-up, which suits the single-process embedded mode: URLs then expire with the process.
/// </summary>
public sealed class UploadUrlSigner
{
    public const string ConfigurationKey = "Media:UploadSigningKey";

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    public UploadUrlSigner(IConfiguration configuration, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _key = configuration[ConfigurationKey] is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : RandomNumberGenerator.GetBytes(32);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be at least 32 bytes (base64-encoded).");
        }
    }

    /// <summary>The query string (without '?') carrying <paramref name="grant"/> and its signature.</summary>
    public string Sign(UploadGrant grant) => QueryString.Create(new KeyValuePair<string, string?>[]
    {
        new("owner", grant.OwnerId.ToString(CultureInfo.InvariantCulture)),
        new("content_type", grant.ContentType),
        new("max_bytes", grant.MaxBytes.ToString(CultureInfo.InvariantCulture)),
        new("expires", grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new("signature", Signature(grant)),
    }).Value![1..];

    /// <summary>The grant in <paramref name="query"/> for <paramref name="mediaId"/>, or why there is none.</summary>
    public UploadGrant? Verify(long mediaId, IQueryCollection query, out string? refusal)
    {
        refusal = null;
        if (!long.TryParse(query["owner"], NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId)
            || !long.TryParse(query["max_bytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var maxBytes)
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || query["content_type"].ToString() is not { Length: > 0 } contentType
            || query["signature"].ToString() is not { Length: > 0 } signature
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            refusal = "The upload URL is incomplete.";
            return null;
        }

        var grant = new UploadGrant(mediaId, ownerId, contentType, maxBytes, DateTimeOffset.FromUnixTimeSeconds(expires));
        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            presented = [];
        }

        if (!CryptographicOperations.FixedTimeEquals(presented, WebEncoders.Base64UrlDecode(Signature(grant))))
        {
            refusal = "The upload URL's signature is not valid.";
            return null;
        }

        if (grant.ExpiresAt <= _timeProvider.GetUtcNow())
        {
            refusal = "The upload URL has expired; ask for a new one.";
            return null;
        }

        return grant;
    }

    private string Signature(UploadGrant grant)
    {
        var terms = string.Create(CultureInfo.InvariantCulture, $"{grant.MediaId}\n{grant.OwnerId}\n{grant.ContentType}\n{grant.MaxBytes}\n{grant.ExpiresAt.ToUnixTimeSeconds()}");
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(terms)));
    }
}
