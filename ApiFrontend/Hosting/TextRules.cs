namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// What free text from clients may contain. Control characters are refused: they have no place in a name or a
/// caption, and NUL in particular cannot be stored in PostgreSQL text (the write would fail as a server error).
/// Captions, comments and bios may span lines.
/// </summary>
public static class TextRules
{
    /// <summary>One line of text: no control characters at all.</summary>
    public static bool IsSingleLine(string text) => !text.Any(char.IsControl);

    /// <summary>Text that may hold line breaks and tabs, but no other control characters.</summary>
    public static bool IsMultiLine(string text) => !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
