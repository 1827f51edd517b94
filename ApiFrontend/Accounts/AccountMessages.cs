namespace Instagram.ApiFrontend.Accounts;

public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? DisplayName);

public sealed record RegisterResponse(string UserId, string Username, string AccessToken);

public sealed record LoginRequest(string? Login, string? Password);

public sealed record LoginResponse(string UserId, string AccessToken);

/// <summary>The type <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> hashes for; it carries nothing.</summary>
public sealed class AccountCredential;
