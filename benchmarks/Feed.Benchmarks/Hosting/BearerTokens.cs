using System.Collections.Concurrent;
using Instagram.ApiFrontend.Accounts;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// Access tokens of sessions started by the app's own <see cref="SessionTokens"/>: what login hands out, so
/// users seeded in SQL can call the API without registering through the (deliberately slow) password KDF.
/// One session per user for the host's lifetime; start them before timing anything (<see cref="ForAsync(IEnumerable{long})"/>),
/// since starting one writes the user's sessions grain.
/// </summary>
internal sealed class BearerTokens(IServiceProvider services)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<string>>> _tokens = new();

    public Task<string> ForAsync(long userId) =>
        _tokens.GetOrAdd(userId, id => new Lazy<Task<string>>(() => StartAsync(id))).Value;

    /// <summary>The users' tokens, in order; sessions are started a few at a time.</summary>
    public async Task<IReadOnlyList<string>> ForAsync(IEnumerable<long> userIds)
    {
        var ids = userIds.ToList();
        var tokens = new string[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (index, _) => tokens[index] = await ForAsync(ids[index]));
        return tokens;
    }

    private async Task<string> StartAsync(long userId) =>
        (await services.GetRequiredService<SessionTokens>().StartAsync(userId, "benchmark")).AccessToken;
}
