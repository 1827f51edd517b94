using System.Globalization;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Sessions under /api/v1/auth: exchanging a refresh token, logging out, and listing and revoking one's
/// sessions (a lost phone). The rules are <see cref="SessionBook"/>'s.
/// </summary>
public static class SessionsApi
{
    private const string Tag = "Accounts";

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags(Tag);
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimit(RateLimitAction.Write)
            .WithName("Refresh").WithSummary("Exchange a refresh token for new tokens; the old refresh token stops working.");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().RequireRateLimit(RateLimitAction.Write)
            .WithName("Logout").WithSummary("End the session of this access token: its access and refresh tokens stop working.");
        auth.MapGet("/sessions", ListAsync).RequireAuthorization()
            .WithName("ListSessions").WithSummary("The caller's active sessions, most recently refreshed first.");
        auth.MapDelete("/sessions/{sessionId}", RevokeAsync).RequireAuthorization().RequireRateLimit(RateLimitAction.Write)
            .WithName("RevokeSession").WithSummary("End one of the caller's sessions.");
        return app;
    }

    /// <summary>How a session is described to its user: the client's user agent, without control characters.</summary>
    public static string ClientOf(HttpContext http)
    {
        var agent = new string([.. http.Request.Headers.UserAgent.ToString().Where(c => !char.IsControl(c))]).Trim();
        return agent.Length > 0 ? agent : "unknown client";
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(RefreshRequest request, SessionTokens tokens)
    {
        if (string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 4096)
        {
            return ApiProblem.Malformed("Send refresh_token, as login or the previous refresh answered it.");
        }

        return await tokens.RefreshAsync(request.RefreshToken) switch
        {
            ({ } grant, _) => TypedResults.Ok(TokenResponse.From(grant)),
            (_, RefreshStatus.Reused) => ApiProblem.Unauthorized("This refresh token was already used, so the session has been ended to be safe; log in again."),
            _ => ApiProblem.Unauthorized("The refresh token is invalid, expired or of an ended session; log in again."),
        };
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, IGrainFactory grains)
    {
        if (SessionTokens.SessionOf(http.User) is { } sessionId)
        {
            await grains.GetGrain<ISessionsGrain>(http.User.UserId()).RevokeAsync(sessionId);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionsResponse>> ListAsync(HttpContext http, IGrainFactory grains)
    {
        var current = SessionTokens.SessionOf(http.User);
        var sessions = await grains.GetGrain<ISessionsGrain>(http.User.UserId()).ListAsync();
        return TypedResults.Ok(new SessionsResponse([.. sessions.Select(session => new SessionResponse(
            session.SessionId.ToString(CultureInfo.InvariantCulture),
            session.Client,
            session.CreatedAt,
            session.RefreshedAt,
            session.ExpiresAt,
            session.SessionId == current))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string sessionId, HttpContext http, IGrainFactory grains) =>
        long.TryParse(sessionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && await grains.GetGrain<ISessionsGrain>(http.User.UserId()).RevokeAsync(id)
            ? TypedResults.NoContent()
            : ApiProblem.NotFound("You have no active session with this ID.");
}
