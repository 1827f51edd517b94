namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// What free text from clients may contain. Control characters are refused: they have no place in a name or a
/// caption, and NUL in particular cannot be stored in PostgreSQL text (the write would fail as a server error).
/// Captions, comments and bios may span lines. Names and bios also lose invisible format characters.
/// </summary>
public static class TextRules
{
    private const char ZeroWidthJoiner = '\u200D';
    private const char EmojiPresentation = '\uFE0F';

    /// <summary>
    /// Drops invisible format characters (Unicode category Cf): bidi overrides and isolates that make
    /// "\u202Eecila" display as "alice", zero-width spaces and joiners that make two names look alike, byte
    /// order marks. A zero-width joiner between two emoji stays: it is what builds 👩‍👩‍👧.
    /// </summary>
    public static string WithoutInvisibles(string text)
    {
        if (!text.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format || (c == ZeroWidthJoiner && JoinsEmoji(text, i)))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool JoinsEmoji(string text, int joiner) =>
        joiner > 0 && joiner < text.Length - 1
        && (char.IsLowSurrogate(text[joiner - 1]) || text[joiner - 1] == EmojiPresentation)
        && char.IsHighSurrogate(text[joiner + 1]);

    /// <summary>One line of text: no control characters at all.</summary>
    public static bool IsSingleLine(string text) => !text.Any(char.IsControl);

    /// <summary>Text that may hold line breaks and tabs, but no other control characters.</summary>
    public static bool IsMultiLine(string text) => !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
