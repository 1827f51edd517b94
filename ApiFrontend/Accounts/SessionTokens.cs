using System.Globalization;
using System.Security.Claims;
using Instagram.Grains.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Orleans;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Starts sessions and issues their tokens: access tokens as <c>AddBearerToken()</c> accepts them (naming
/// the user and the session), and refresh tokens naming the session and the generation the user's
/// <see cref="ISessionsGrain"/> expects next. Both are authentication tickets protected with the app's
/// data-protection keys (kept in the data directory), so they cannot be forged and outlive restarts.
/// </summary>
public sealed class SessionTokens(IOptionsMonitor<BearerTokenOptions> options, IGrainFactory grains, TimeProvider clock)
{
    /// <summary>The claim naming the session an access or refresh token belongs to.</summary>
    public const string SessionClaim = "sid";

    private const string GenerationClaim = "gen";

    private BearerTokenOptions Bearer => options.Get(BearerTokenDefaults.AuthenticationScheme);

    /// <summary>Starts a session for <paramref name="userId"/> on the client described by <paramref name="client"/>.</summary>
    public async Task<TokenGrant> StartAsync(long userId, string client)
    {
        var ticket = await grains.GetGrain<ISessionsGrain>(userId).StartAsync(client, clock.GetUtcNow() + Bearer.RefreshTokenExpiration);
        return Grant(userId, ticket.SessionId, ticket.Generation);
    }

    /// <summary>Exchanges a refresh token for new tokens; the reason it cannot be, otherwise.</summary>
    public async Task<(TokenGrant? Grant, RefreshStatus Status)> RefreshAsync(string refreshToken)
    {
        var ticket = Bearer.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow()
            || !TryRead(ticket.Principal, ClaimTypes.NameIdentifier, out var userId)
            || !TryRead(ticket.Principal, SessionClaim, out var sessionId)
            || !TryRead(ticket.Principal, GenerationClaim, out var generation) || generation is < 0 or > int.MaxValue)
        {
            return (null, RefreshStatus.Ended);
        }

        var outcome = await grains.GetGrain<ISessionsGrain>(userId).RefreshAsync(sessionId, (int)generation, clock.GetUtcNow() + Bearer.RefreshTokenExpiration);
        return outcome.Status == RefreshStatus.Rotated ? (Grant(userId, sessionId, outcome.Generation), outcome.Status) : (null, outcome.Status);
    }

    /// <summary>The session an authenticated request's access token belongs to, if it names one.</summary>
    public static long? SessionOf(ClaimsPrincipal principal) => TryRead(principal, SessionClaim, out var sessionId) ? sessionId : null;

    private TokenGrant Grant(long userId, long sessionId, int generation)
    {
        var now = clock.GetUtcNow();
        var user = userId.ToString(CultureInfo.InvariantCulture);
        var session = sessionId.ToString(CultureInfo.InvariantCulture);
        var access = Ticket(now, Bearer.BearerTokenExpiration, new Claim(ClaimTypes.NameIdentifier, user), new Claim(SessionClaim, session));
        var refresh = Ticket(
            now,
            Bearer.RefreshTokenExpiration,
            new Claim(ClaimTypes.NameIdentifier, user),
            new Claim(SessionClaim, session),
            new Claim(GenerationClaim, generation.ToString(CultureInfo.InvariantCulture)));
        return new TokenGrant(
            userId,
            sessionId,
            Bearer.BearerTokenProtector.Protect(access),
            (long)Bearer.BearerTokenExpiration.TotalSeconds,
            Bearer.RefreshTokenProtector.Protect(refresh));
    }

    private static AuthenticationTicket Ticket(DateTimeOffset now, TimeSpan lifetime, params Claim[] claims)
    {
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, BearerTokenDefaults.AuthenticationScheme)),
            BearerTokenDefaults.AuthenticationScheme);
        ticket.Properties.IssuedUtc = now;
        ticket.Properties.ExpiresUtc = now + lifetime;
        return ticket;
    }

    private static bool TryRead(ClaimsPrincipal principal, string claim, out long value) =>
        long.TryParse(principal.FindFirstValue(claim), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>What a client receives when a session starts or its refresh token is exchanged.</summary>
public sealed record TokenGrant(long UserId, long SessionId, string AccessToken, long ExpiresIn, string RefreshToken);
