using System.Text.RegularExpressions;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>What a username, email, password and display name must look like, checked before anything is stored.</summary>
public static partial class AccountRules
{
    public const int MaxDisplayNameLength = 64;
    public const int MaxBioLength = 150;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>Usernames are stored lower-cased, so "Alice" and "alice" are one name.</summary>
    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static bool IsValidUsername(string username) => UsernamePattern().IsMatch(username);

    /// <summary>Deliberately loose (the address is proven by mail, not by regex): one @, something either side, no spaces.</summary>
    public static bool IsValidEmail(string email) =>
        email.Length <= 254 && EmailPattern().IsMatch(email) && Hosting.TextRules.IsSingleLine(email);

    [GeneratedRegex("^[a-z0-9._]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
