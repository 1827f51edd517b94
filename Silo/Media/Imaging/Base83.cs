namespace Instagram.Silo.Media.Imaging;

/// <summary>Blurhash's digits: base 83 over characters that are safe in URLs, JSON and HTML attributes.</summary>
internal static class Base83
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="digits"/> digits, most significant first.</summary>
    public static void Write(Span<char> destination, ref int position, int value, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        for (var digit = digits - 1; digit >= 0; digit--)
        {
            destination[position + digit] = Alphabet[value % 83];
            value /= 83;
        }

        if (value != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"Does not fit in {digits} base-83 digits.");
        }

        position += digits;
    }

    public static string Encode(int value, int digits)
    {
        var text = new char[digits];
        var position = 0;
        Write(text, ref position, value, digits);
        return new string(text);
    }
}
