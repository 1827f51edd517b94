using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Issues the bearer tokens <c>AddBearerToken()</c> accepts: an authentication ticket naming the user,
/// protected with the app's data-protection keys (kept in the data directory, so tokens outlive restarts).
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider timeProvider)
{
    public string IssueFor(long userId)
    {
        var bearer = options.Get(BearerTokenDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture))],
            BearerTokenDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), BearerTokenDefaults.AuthenticationScheme);
        ticket.Properties.IssuedUtc = timeProvider.GetUtcNow();
        ticket.Properties.ExpiresUtc = timeProvider.GetUtcNow() + bearer.BearerTokenExpiration;
        return bearer.BearerTokenProtector.Protect(ticket);
    }
}
