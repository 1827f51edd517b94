using System.Reflection;

namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Which passwords are refused, after NIST SP 800-63B: no composition rules, but none of the passwords
/// people choose first (a list of the commonest, embedded), nothing made of one or two repeated characters
/// or a plain run (<c>12345678</c>, <c>abcdefgh</c>, <c>87654321</c>), and not the account's own username
/// or email (with or without digits after it). Length is checked by the caller.
/// </summary>
public static class PasswordRules
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Why the password is refused, in a sentence for the user; null if it is acceptable.</summary>
    public static string? Weakness(string password, string username, string email)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lowered))
        {
            return "password is one of the most common passwords; choose another.";
        }

        if (lowered.Distinct().Count() <= 2 || IsRun(lowered))
        {
            return "password is a repeated character or a plain sequence; choose another.";
        }

        var withoutTrailingDigits = lowered.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        var local = email.Split('@')[0].ToLowerInvariant();
        if (lowered == username || lowered == email.ToLowerInvariant() || lowered == local
            || withoutTrailingDigits == username || withoutTrailingDigits == local)
        {
            return "password must not be the username or email; choose another.";
        }

        return null;
    }

    /// <summary>Each character one more, or each one less, than the one before: 12345678, abcdefgh, 98765432.</summary>
    private static bool IsRun(string text)
    {
        var up = true;
        var down = true;
        for (var i = 1; i < text.Length; i++)
        {
            up &= text[i] == text[i - 1] + 1;
            down &= text[i] == text[i - 1] - 1;
        }

        return up || down;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Instagram.ApiFrontend.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        return passwords;
    }
}
