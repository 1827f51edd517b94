namespace TestSupport;

/// <summary>
/// Waits for a condition with a deadline, instead of sleeping a guessed time. Polls every 20 ms and
/// fails with <c>because</c> (and the last value seen) when the deadline passes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? deadline = null) =>
        ValueAsync(() => Task.FromResult(condition()), satisfied => satisfied, because, deadline);

    public static Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? deadline = null) =>
        ValueAsync(condition, satisfied => satisfied, because, deadline);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string because, TimeSpan? deadline = null)
    {
        var giveUpAt = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        T value;
        while (!accept(value = await read()))
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"Gave up waiting: {because}. Last value seen: {Describe(value)}");
            }

            await Task.Delay(20);
        }

        return value;
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
