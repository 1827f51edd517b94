namespace Instagram.ApiFrontend.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header, as the IETF draft and Stripe define it, and our format rule.</summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Marks a replayed answer, so a client (or its developer) can tell the create did not run again.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    /// <summary>
    /// 1–255 visible ASCII characters (0x21–0x7E): enough for a UUID or any client's scheme, and nothing a log
    /// line, a header or a grain key could misread.
    /// </summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(static c => c is >= '!' and <= '~');
}
