using System.Globalization;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Identity;
using Instagram.Grains.RateLimits;
using Instagram.Grains.Users;
using Instagram.Silo.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Orleans;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>Registration and login under /api/v1/auth: the only endpoints that need no bearer token.</summary>
public static class AccountsApi
{
    private const string Tag = "Accounts";

    public static IServiceCollection AddAccountsApi(this IServiceCollection services)
    {
        // Token keys live in the data directory: tokens survive restarts (cluster frontends need a shared directory).
        services.AddDataProtection().SetApplicationName("instagram");
        services.AddOptions<KeyManagementOptions>().Configure<StorageChoice, ILoggerFactory>((options, storage, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")), logs));
        return services
            .AddSingleton<IPasswordHasher<AccountCredential>, PasswordHasher<AccountCredential>>()
            .AddSingleton<SessionTokens>();
    }

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags(Tag).AllowAnonymous();
        auth.MapPost("/register", RegisterAsync).RequireRateLimit(RateLimitAction.Register, StatusCodes.Status409Conflict).WithName("Register").WithSummary("Create an account; answers with an access token.");
        auth.MapPost("/login", LoginAsync).ProducesProblem(StatusCodes.Status429TooManyRequests).WithName("Login").WithSummary("Exchange a username or email and password for an access token.");
        return app;
    }

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request,
        SnowflakeIdGenerator ids,
        IGrainFactory grains,
        IPasswordHasher<AccountCredential> hasher,
        SessionTokens tokens,
        HttpContext http)
    {
        var username = AccountRules.NormalizeUsername(request.Username ?? string.Empty);
        var email = (request.Email ?? string.Empty).Trim();
        var displayName = TextRules.WithoutInvisibles(request.DisplayName ?? string.Empty).Trim();
        if (!AccountRules.IsValidUsername(username))
        {
            return ApiProblem.Invalid("username must be 1–30 characters of a–z, 0–9, '.' and '_'.");
        }

        if (ReservedUsernames.Contains(username))
        {
            return ApiProblem.Invalid($"The username '{username}' is reserved.");
        }

        if (!AccountRules.IsValidEmail(email))
        {
            return ApiProblem.Invalid("email must be an email address.");
        }

        if (request.Password is not { Length: >= AccountRules.MinPasswordLength and <= AccountRules.MaxPasswordLength } password)
        {
            return ApiProblem.Invalid($"password must be {AccountRules.MinPasswordLength}–{AccountRules.MaxPasswordLength} characters.");
        }

        if (PasswordRules.Weakness(password, username, email) is { } weakness)
        {
            return ApiProblem.Invalid(weakness);
        }

        if (displayName.Length > AccountRules.MaxDisplayNameLength || !TextRules.IsSingleLine(displayName))
        {
            return ApiProblem.Invalid($"display_name must be at most {AccountRules.MaxDisplayNameLength} characters, without control characters.");
        }

        var userId = ids.NextId();
        var account = new NewAccount(username, email, hasher.HashPassword(new AccountCredential(), password), displayName.Length > 0 ? displayName : username);
        return await grains.GetGrain<IUserGrain>(userId).RegisterAsync(account) switch
        {
            RegistrationOutcome.Created => TypedResults.Created(
                $"/api/v1/users/{username}",
                RegisterResponse.From(username, await tokens.StartAsync(userId, SessionsApi.ClientOf(http)))),
            RegistrationOutcome.UsernameTaken => ApiProblem.Conflict($"The username '{username}' is taken."),
            _ => ApiProblem.Conflict("An account with this email exists."),
        };
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        HttpContext http,
        LoginRequest request,
        RateLimiter limiter,
        IGrainFactory grains,
        IPasswordHasher<AccountCredential> hasher,
        SessionTokens tokens)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || !TextRules.IsSingleLine(request.Login) || request.Login.Length > 254
            || string.IsNullOrEmpty(request.Password) || request.Password.Length > AccountRules.MaxPasswordLength)
        {
            return ApiProblem.Malformed("Send login (a username or email) and password.");
        }

        var login = request.Login.Trim();
        var lookup = login.Contains('@', StringComparison.Ordinal) ? IUserLookupGrain.EmailKey(login) : IUserLookupGrain.UsernameKey(login);
        var userId = await grains.GetGrain<IUserLookupGrain>(lookup).FindAsync();
        var count = await limiter.AcquireLoginAsync(
            userId is { } known ? LoginGuardKey.ForAccount(known) : LoginGuardKey.ForUnknown(login),
            http.Connection.RemoteIpAddress);
        if (RateLimitResponses.Answer(http.Response, count.Decision, RateLimitAction.Login) is { } refused)
        {
            return refused;
        }

        var hash = userId is { } id ? await grains.GetGrain<IUserGrain>(id).GetPasswordHashAsync() : null;
        if (userId is null || hash is null)
        {
            // Registration has to say that a name or email is taken, so existence is no secret worth a vaguer
            // answer here (docs/social.md); the limits above are what protect accounts and slow down probing.
            return ApiProblem.Unauthorized("No account has this username or email.");
        }

        if (hasher.VerifyHashedPassword(new AccountCredential(), hash, request.Password) == PasswordVerificationResult.Failed)
        {
            return ApiProblem.Unauthorized("The password is wrong.");
        }

        await limiter.LoginSucceededAsync(count);
        return TypedResults.Ok(TokenResponse.From(await tokens.StartAsync(userId.Value, SessionsApi.ClientOf(http))));
    }
}
