namespace Instagram.Grains.Sessions;

/// <summary>
/// One user's login sessions, keyed by user ID. A session starts at registration or login and lives as long
/// as its refresh token is used before it expires; every refresh rotates the token (the next generation),
/// and a token that was already used ends the session, since only a thief or a replay presents one twice.
/// Access tokens name their session and are honoured only while it is active, so logging out or revoking a
/// session takes effect at the next request, not when the access token expires.
/// </summary>
[Alias("ig.ISessionsGrain")]
public interface ISessionsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Starts a session described by <paramref name="client"/> (the user agent) whose first refresh token
    /// expires at <paramref name="expiresAt"/>. Past 100 active sessions the least recently
    /// refreshed session ends.
    /// </summary>
    [Alias("Start")]
    Task<SessionTicket> StartAsync(string client, DateTimeOffset expiresAt);

    /// <summary>
    /// Exchanges generation <paramref name="generation"/> of the session's refresh token for the next one,
    /// which expires at <paramref name="expiresAt"/>.
    /// </summary>
    [Alias("Refresh")]
    Task<RefreshOutcome> RefreshAsync(long sessionId, int generation, DateTimeOffset expiresAt);

    /// <summary>Whether access tokens of the session are honoured: it exists, was not revoked and has not expired.</summary>
    [Alias("IsActive")]
    [ReadOnly]
    Task<bool> IsActiveAsync(long sessionId);

    /// <summary>The active sessions, most recently refreshed first.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<SessionSummary>> ListAsync();

    /// <summary>Ends one session; false if the user has no such active session.</summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync(long sessionId);

    /// <summary>Ends every session (the account is being deleted).</summary>
    [Alias("RevokeAll")]
    Task RevokeAllAsync();
}
