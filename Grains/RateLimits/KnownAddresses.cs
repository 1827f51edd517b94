namespace Instagram.Grains.RateLimits;

/// <summary>
/// The addresses an account logged in from successfully, recently: the owner's. Durable, so a restart does
/// not lock an owner out while strangers guess. Bounded: the most recent few, for a month.
/// </summary>
public sealed class KnownAddresses
{
    public const int MaxAddresses = 20;

    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(30);

    /// <summary>
    /// A remembered address is written again only this long after its last write: a login is not worth a
    /// durable write when it changes nothing but the date.
    /// </summary>
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    public Dictionary<string, DateTimeOffset> LastSuccess { get; set; } = new(StringComparer.Ordinal);

    public bool Knows(string address, DateTimeOffset now) =>
        LastSuccess.TryGetValue(address, out var last) && now - last < RememberedFor;

    /// <summary>Records a successful login from <paramref name="address"/>; true if the state changed enough to write.</summary>
    public bool Remember(string address, DateTimeOffset now)
    {
        if (LastSuccess.TryGetValue(address, out var last) && now - last < RefreshAfter)
        {
            return false;
        }

        foreach (var stale in LastSuccess.Where(entry => now - entry.Value >= RememberedFor).Select(entry => entry.Key).ToList())
        {
            LastSuccess.Remove(stale);
        }

        LastSuccess[address] = now;
        while (LastSuccess.Count > MaxAddresses)
        {
            LastSuccess.Remove(LastSuccess.MinBy(entry => entry.Value).Key);
        }

        return true;
    }
}
