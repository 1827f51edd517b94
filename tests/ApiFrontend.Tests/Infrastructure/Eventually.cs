namespace ApiFrontend.Tests.Infrastructure;

/// <summary>
/// Waits for a condition with a deadline, instead of sleeping a guessed time. Polls every 50 ms; fails
/// with <paramref name="because"/> if the deadline passes. (Runtime.Tests has its twin; test projects
/// do not reference each other.)
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan deadline)
    {
        var giveUpAt = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:F0} s waiting: {because}.");
            }

            await Task.Delay(50);
        }
    }
}
