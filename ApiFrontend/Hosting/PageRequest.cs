using Instagram.Grains.Paging;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>The <c>cursor</c> and <c>limit</c> of a list request, checked: limit 1–50 (default 20), cursor one we issued.</summary>
public readonly record struct PageRequest(PageCursor? After, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>The request, or the problem with it.</summary>
    public static bool TryParse(string? cursor, string? limit, out PageRequest request, out string problem)
    {
        request = default;
        problem = string.Empty;
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            problem = $"limit must be a whole number from 1 to {MaxLimit}.";
            return false;
        }

        PageCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!PageCursor.TryDecode(cursor, out var decoded))
            {
                problem = "cursor is not one this API issued.";
                return false;
            }

            after = decoded;
        }

        request = new PageRequest(after, size);
        return true;
    }
}
