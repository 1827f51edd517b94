using System.Collections.Immutable;

namespace Instagram.Grains.Idempotency;

[GenerateSerializer, Alias("ig.IdempotencyClaimStatus")]
public enum IdempotencyClaimStatus
{
    /// <summary>The caller holds the key: run the create, then complete or release.</summary>
    Granted,

    /// <summary>Another attempt holds the key and has not finished.</summary>
    InProgress,

    /// <summary>An earlier attempt finished; <see cref="IdempotencyClaim.Request"/> and <see cref="IdempotencyClaim.Response"/> say with what.</summary>
    Completed,
}

/// <summary>The answer to <see cref="IIdempotencyGrain.ClaimAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("ig.IdempotencyClaim")]
public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, RequestFingerprint? Request, RecordedResponse? Response)
{
    public static IdempotencyClaim Granted { get; } = new(IdempotencyClaimStatus.Granted, null, null);

    public static IdempotencyClaim InProgress { get; } = new(IdempotencyClaimStatus.InProgress, null, null);

    public static IdempotencyClaim Completed(RequestFingerprint request, RecordedResponse response) => new(IdempotencyClaimStatus.Completed, request, response);
}

/// <summary>What identifies a request's content: its SHA-256 (hex) and the length of its body in bytes.</summary>
/// <param name="BodyLength">How much a repeat may send before it certainly differs (its body is hashed to compare).</param>
[GenerateSerializer, Immutable, Alias("ig.RequestFingerprint")]
public sealed record RequestFingerprint(string Sha256, long BodyLength);

/// <summary>
/// A response as first sent, to send again on a repeat. Marked immutable, a promise: <see cref="Body"/> is
/// filled once by the recorder and never written after, so it crosses grain calls without a copy.
/// </summary>
/// <param name="Headers">The response headers worth replaying (Location), by name.</param>
[GenerateSerializer, Immutable, Alias("ig.RecordedResponse")]
public sealed record RecordedResponse(int StatusCode, string? ContentType, ImmutableDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// The grain key <c>"{userId}:{scope}:{key}"</c>. The scope (method and route pattern) may itself hold colons
/// (route constraints such as <c>{id:long}</c>), so they are escaped in it; the user ID has none and the key
/// comes last, so distinct triples never share a grain.
/// </summary>
public static class IdempotencyGrainKey
{
    public static string For(long userId, string scope, string key) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{userId}:{scope.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal)}:{key}");
}
