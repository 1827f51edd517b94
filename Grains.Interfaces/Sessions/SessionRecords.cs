namespace Instagram.Grains.Sessions;

/// <summary>A session just started: its ID and the generation its first refresh token carries.</summary>
[GenerateSerializer, Immutable, Alias("ig.SessionTicket")]
public sealed record SessionTicket(long SessionId, int Generation);

public enum RefreshStatus
{
    /// <summary>The token was current: <see cref="RefreshOutcome.Generation"/> is the next one.</summary>
    Rotated,

    /// <summary>The token had been used before: the session is now revoked.</summary>
    Reused,

    /// <summary>No such active session (revoked, expired or never started).</summary>
    Ended,
}

[GenerateSerializer, Immutable, Alias("ig.RefreshOutcome")]
public sealed record RefreshOutcome(RefreshStatus Status, int Generation = 0);

/// <summary>What a user sees of one of their sessions.</summary>
[GenerateSerializer, Immutable, Alias("ig.SessionSummary")]
public sealed record SessionSummary(long SessionId, string Client, DateTimeOffset CreatedAt, DateTimeOffset RefreshedAt, DateTimeOffset ExpiresAt);
