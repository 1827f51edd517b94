using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Instagram.Silo.Operations;

/// <summary>
/// HTTP Basic authentication against the one configured operator credential: what browsers prompt for
/// and Prometheus' <c>basic_auth</c> sends. It is the only scheme the operator pages accept, so an API
/// user's bearer token never opens them. Serve these pages over TLS (or a private network) outside a
/// developer's machine: Basic sends the password with every request.
/// </summary>
internal sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptions<OperatorOptions> operators,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Matches(header["Basic ".Length..].Trim()))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong operator credential."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, operators.Value.Username)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"operators\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>Compares in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    private bool Matches(string encoded)
    {
        var options = operators.Value;
        if (!options.Enabled)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(expected));
    }
}
