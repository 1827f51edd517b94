using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// Bearer tokens minted by the app's own token protector: the token login hands out, so users seeded in
/// SQL can call the API without registering through the (deliberately slow) password KDF.
/// </summary>
internal sealed class BearerTokens(IServiceProvider services)
{
    /// <summary>Longer than any run, so no token expires under load.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public string For(long userId)
    {
        var options = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture))],
            BearerTokenDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), BearerTokenDefaults.AuthenticationScheme);
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.Add(Lifetime);
        return options.BearerTokenProtector.Protect(ticket);
    }
}
