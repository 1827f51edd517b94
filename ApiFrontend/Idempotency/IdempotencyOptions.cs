namespace Instagram.ApiFrontend.Idempotency;

/// <summary>How long idempotency keys are remembered and what is recorded (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a completed request's answer is replayed for its key. Default 24 h.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an attempt holds its key without finishing before a retry may take the key over (the attempt's
    /// frontend probably died). Longer than any create takes, uploads of the largest video included. Default 30 min.
    /// </summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest response body recorded for replay, in bytes; a larger answer frees its key instead. Default 64 KiB.</summary>
    public int MaxRecordedResponseBytes { get; set; } = 64 * 1024;

    internal bool IsValid => Retention > TimeSpan.Zero && InProgressLease > TimeSpan.Zero && MaxRecordedResponseBytes > 0;
}
