namespace Instagram.Grains.Sessions;

/// <summary>One active session as stored: the refresh token generation it expects next.</summary>
public sealed class StoredSession
{
    public long SessionId { get; set; }

    /// <summary>The generation of the only refresh token that may be exchanged now; every earlier one was used.</summary>
    public int Generation { get; set; }

    public string Client { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public SessionSummary ToSummary() => new(SessionId, Client, CreatedAt, RefreshedAt, ExpiresAt);
}

/// <summary>
/// The durable state of one user's sessions, and their rules. Ended sessions are removed, not marked: a
/// token of a session that is not here is refused, whichever way it ended. Time is passed in, so the rules
/// are plain functions of the book and the clock.
/// </summary>
public sealed class SessionBook
{
    /// <summary>
    /// Sessions a user may hold at once. Every login starts one, so without a cap a script logging in in a
    /// loop would grow the state without bound; a person has a handful of devices.
    /// </summary>
    public const int MaxSessions = 100;

    /// <summary>Longest user agent kept to describe a session.</summary>
    public const int MaxClientLength = 200;

    public List<StoredSession> Sessions { get; set; } = [];

    public SessionTicket Start(long sessionId, string client, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Prune(now);
        while (Sessions.Count >= MaxSessions)
        {
            Sessions.Remove(Sessions.MinBy(session => session.RefreshedAt)!);
        }

        Sessions.Add(new StoredSession
        {
            SessionId = sessionId,
            Generation = 0,
            Client = client.Length > MaxClientLength ? client[..MaxClientLength] : client,
            CreatedAt = now,
            RefreshedAt = now,
            ExpiresAt = expiresAt,
        });
        return new SessionTicket(sessionId, 0);
    }

    /// <summary>The answer to a refresh token of <paramref name="generation"/>; <see cref="RefreshStatus.Ended"/> changes nothing.</summary>
    public RefreshOutcome Refresh(long sessionId, int generation, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        if (Active(sessionId, now) is not { } session)
        {
            return new RefreshOutcome(RefreshStatus.Ended);
        }

        // Tokens are signed, so an unknown generation is an old one: the token was copied and used twice.
        if (generation != session.Generation)
        {
            Sessions.Remove(session);
            return new RefreshOutcome(RefreshStatus.Reused);
        }

        session.Generation++;
        session.RefreshedAt = now;
        session.ExpiresAt = expiresAt;
        return new RefreshOutcome(RefreshStatus.Rotated, session.Generation);
    }

    public bool IsActive(long sessionId, DateTimeOffset now) => Active(sessionId, now) is not null;

    public IReadOnlyList<SessionSummary> List(DateTimeOffset now) =>
        [.. Sessions.Where(session => session.ExpiresAt > now).OrderByDescending(session => session.RefreshedAt).Select(session => session.ToSummary())];

    public bool Revoke(long sessionId, DateTimeOffset now)
    {
        var session = Active(sessionId, now);
        Prune(now);
        return session is not null && Sessions.Remove(session);
    }

    /// <summary>Forgets expired sessions; true if any were.</summary>
    public bool Prune(DateTimeOffset now) => Sessions.RemoveAll(session => session.ExpiresAt <= now) > 0;

    private StoredSession? Active(long sessionId, DateTimeOffset now) =>
        Sessions.Find(session => session.SessionId == sessionId && session.ExpiresAt > now);
}
