using System.Globalization;
using System.Security.Claims;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>Who is asking: the user ID of an authenticated request's bearer token.</summary>
public static class CurrentUser
{
    /// <summary>The authenticated user's ID. Endpoints calling this require authorization, so the claim is there.</summary>
    public static long UserId(this ClaimsPrincipal principal) =>
        long.Parse(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated."),
            NumberStyles.None,
            CultureInfo.InvariantCulture);
}
