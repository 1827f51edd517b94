namespace Instagram.Grains.Idempotency;

/// <summary>
/// One client's <c>Idempotency-Key</c> on one create endpoint, keyed <c>"{userId}:{scope}:{key}"</c> (see
/// <see cref="IdempotencyGrainKey"/>). Its single activation serialises every attempt that carries the key:
/// the first is granted the key and runs the create, later ones wait behind it (409) or get its recorded
/// answer. The record is durable, so every frontend and a restarted cluster see it.
/// </summary>
[Alias("ig.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks to run the create as <paramref name="attempt"/>. Granted when the key is unused (or its record has
    /// expired, or the attempt holding it let its <paramref name="lease"/> run out without finishing); otherwise
    /// says that another attempt is running, or returns what the completed one recorded.
    /// </summary>
    [Alias("Claim")]
    Task<IdempotencyClaim> ClaimAsync(Guid attempt, TimeSpan lease);

    /// <summary>
    /// The granted <paramref name="attempt"/> finished with <paramref name="response"/>: keep it for
    /// <paramref name="retention"/>. False (and nothing recorded) if the attempt no longer holds the key.
    /// </summary>
    [Alias("Complete")]
    Task<bool> CompleteAsync(Guid attempt, RequestFingerprint request, RecordedResponse response, TimeSpan retention);

    /// <summary>The granted <paramref name="attempt"/> failed or its answer is not worth keeping: free the key for a retry.</summary>
    [Alias("Release")]
    Task ReleaseAsync(Guid attempt);
}
