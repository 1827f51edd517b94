using System.Globalization;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// Plausible, unique usernames and display names: a first and last name with a running number. The number
/// has a fixed width, so no username is a prefix of another and usernames sort exactly as their emails do.
/// </summary>
internal static class Usernames
{
    private static readonly string[] First =
        ["ana", "ben", "chloe", "david", "elena", "felix", "grace", "hugo", "iris", "jonas", "kai", "lea", "marco", "nina", "omar", "paula", "quinn", "rosa", "sam", "tara"];

    private static readonly string[] Last =
        ["silva", "muller", "rossi", "kim", "novak", "garcia", "tanaka", "smith", "dubois", "jensen", "costa", "weber", "ivanova", "ali", "brown", "meyer"];

    /// <param name="prefix">Keeps the name spaces of different populations apart (authors, readers, fans).</param>
    public static (string Username, string DisplayName) For(string prefix, int index)
    {
        var first = First[index % First.Length];
        var last = Last[index / First.Length % Last.Length];
        var username = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}_{prefix}{index:D7}");
        var display = char.ToUpperInvariant(first[0]) + first[1..] + " " + char.ToUpperInvariant(last[0]) + last[1..];
        return (username, display);
    }
}
