using System.Globalization;

namespace Runtime;

/// <summary>
/// The one canonical string form of each key kind, so that a grain addressed by
/// <c>Guid</c> or <c>long</c> maps to exactly one <see cref="GrainId"/> and one storage row.
/// </summary>
public static class GrainKeyFormat
{
    public static string Format(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);

    public static string Format(long key) => key.ToString(CultureInfo.InvariantCulture);

    public static Guid ParseGuid(string key) =>
        Guid.TryParseExact(key, "N", out var value)
            ? value
            : throw new FormatException($"Grain key '{key}' is not a Guid key.");

    public static long ParseLong(string key) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Grain key '{key}' is not an integer key.");
}
