using System.Globalization;

namespace Instagram.ApiFrontend.Accounts;

public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? DisplayName);

public sealed record RegisterResponse(string UserId, string Username, string AccessToken, string TokenType, long ExpiresIn, string RefreshToken)
{
    public static RegisterResponse From(string username, TokenGrant grant) =>
        new(grant.UserId.ToString(CultureInfo.InvariantCulture), username, grant.AccessToken, TokenResponse.BearerType, grant.ExpiresIn, grant.RefreshToken);
}

public sealed record LoginRequest(string? Login, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// A session's tokens, as login and refresh answer them (OAuth 2.0's field names): the access token for the
/// <c>Authorization: Bearer</c> header, valid for <see cref="ExpiresIn"/> seconds, and the refresh token
/// that exchanges once for the next pair.
/// </summary>
public sealed record TokenResponse(string UserId, string AccessToken, string TokenType, long ExpiresIn, string RefreshToken)
{
    public const string BearerType = "Bearer";

    public static TokenResponse From(TokenGrant grant) =>
        new(grant.UserId.ToString(CultureInfo.InvariantCulture), grant.AccessToken, BearerType, grant.ExpiresIn, grant.RefreshToken);
}

/// <summary>One of the caller's sessions; <see cref="Current"/> is the one the request's token belongs to.</summary>
public sealed record SessionResponse(string SessionId, string Client, DateTimeOffset CreatedAt, DateTimeOffset LastRefreshedAt, DateTimeOffset ExpiresAt, bool Current);

public sealed record SessionsResponse(IReadOnlyList<SessionResponse> Sessions);

/// <summary>The type <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> hashes for; it carries nothing.</summary>
public sealed class AccountCredential;
