using System.Globalization;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// Values written into seeding statements as literals. They are numbers and text this program generated,
/// never outside input; literals let one statement carry hundreds of rows under either database's
/// parameter limit, and cost nothing to bind.
/// </summary>
internal static class SqlLiteral
{
    public static string Of(object? value, string dialect) => value switch
    {
        null => "NULL",
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => dialect == "postgres" ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0"),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateTimeOffset t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), // the schema's times are Unix ms
        _ => throw new ArgumentException($"No literal for {value.GetType().Name}.", nameof(value)),
    };
}
