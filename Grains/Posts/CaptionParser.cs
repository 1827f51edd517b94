using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Instagram.Grains.Posts;

/// <summary>Hashtags (<c>#word</c>, lower-cased, first occurrence order, no repeats) and mentions (<c>@username</c>) in a caption.</summary>
public static partial class CaptionParser
{
    public const int MaxCaptionLength = 2200;
    public const int MaxHashtags = 30;

    /// <summary>Accounts one caption may mention (Instagram's own limit): each is a row and, later, a notification.</summary>
    public const int MaxMentions = 20;

    public static ImmutableArray<string> Hashtags(string caption) =>
        [.. HashtagPattern().Matches(caption).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    public static ImmutableArray<string> Mentions(string caption) =>
        [.. MentionPattern().Matches(caption).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    // A tag is letters, digits and underscores in any script, up to 100 of them; '#' inside a word does not start one.
    [GeneratedRegex(@"(?<![\w#])#([\p{L}\p{N}_]{1,100})", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    [GeneratedRegex(@"(?<![\w@])@([A-Za-z0-9._]{1,30})", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
