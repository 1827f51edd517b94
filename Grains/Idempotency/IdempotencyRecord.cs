namespace Instagram.Grains.Idempotency;

public enum IdempotencyPhase
{
    /// <summary>No attempt holds the key (never used, released, or expired).</summary>
    Unused,

    /// <summary>An attempt holds the key until <see cref="IdempotencyRecord.ExpiresAt"/> (its lease).</summary>
    InProgress,

    /// <summary>An attempt finished; its answer is kept until <see cref="IdempotencyRecord.ExpiresAt"/>.</summary>
    Completed,
}

/// <summary>
/// The durable state of one idempotency key, and its rules: Unused → InProgress (one attempt, leased) →
/// Completed (kept for the retention) or back to Unused (released). Time is passed in, so the rules are
/// plain functions of the record and the clock.
/// </summary>
public sealed class IdempotencyRecord
{
    public IdempotencyPhase Phase { get; set; }

    /// <summary>The attempt holding the key, or the one that completed it.</summary>
    public Guid Attempt { get; set; }

    /// <summary>End of the attempt's lease while in progress; end of the retention once completed.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public RequestFingerprint? Request { get; set; }

    public RecordedResponse? Response { get; set; }

    /// <summary>Whether the record still means something at <paramref name="now"/>: an expired one is as good as unused.</summary>
    public bool IsLive(DateTimeOffset now) => Phase != IdempotencyPhase.Unused && now < ExpiresAt;

    /// <summary>
    /// The answer to an attempt asking for the key. Granting it changes the record (to be written before the
    /// answer leaves); the other answers leave it as it is.
    /// </summary>
    public IdempotencyClaim Claim(Guid attempt, DateTimeOffset now, TimeSpan lease)
    {
        if (IsLive(now))
        {
            return Phase == IdempotencyPhase.Completed ? IdempotencyClaim.Completed(Request!, Response!) : IdempotencyClaim.InProgress;
        }

        // Unused, expired, or held by an attempt whose lease ran out (its frontend died, most likely): take it over.
        Phase = IdempotencyPhase.InProgress;
        Attempt = attempt;
        ExpiresAt = now + lease;
        Request = null;
        Response = null;
        return IdempotencyClaim.Granted;
    }

    /// <summary>
    /// Records the answer of <paramref name="attempt"/>, if it still holds the key (even past its lease, as long
    /// as nobody took the key over). Returns whether the record changed.
    /// </summary>
    public bool Complete(Guid attempt, RequestFingerprint request, RecordedResponse response, DateTimeOffset now, TimeSpan retention)
    {
        if (!Holds(attempt))
        {
            return false;
        }

        Phase = IdempotencyPhase.Completed;
        ExpiresAt = now + retention;
        Request = request;
        Response = response;
        return true;
    }

    /// <summary>Whether <paramref name="attempt"/> holds the key and may release it.</summary>
    public bool Holds(Guid attempt) => Phase == IdempotencyPhase.InProgress && Attempt == attempt;
}
