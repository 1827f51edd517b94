using System.Security.Claims;
using Instagram.ApiFrontend.Hosting;
using Instagram.Grains.Sessions;
using Orleans;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Honours an access token only while its session is active: a request whose token names no session, or
/// one that was logged out, revoked or ended by refresh-token reuse, continues as anonymous, so endpoints
/// that need a user answer 401 as for any bad token. Without this, a stolen access token would keep working
/// after its owner logged out, until it expired.
/// </summary>
/// <remarks>One read-only grain call per authenticated request, to the user's sessions grain (in memory once active).</remarks>
public static class SessionCheck
{
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && !await IsActiveAsync(http))
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(http);
        });

    private static async Task<bool> IsActiveAsync(HttpContext http) =>
        SessionTokens.SessionOf(http.User) is { } sessionId
        && await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ISessionsGrain>(http.User.UserId()).IsActiveAsync(sessionId);
}
