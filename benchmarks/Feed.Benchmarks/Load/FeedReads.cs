using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Feed.Benchmarks.Hosting;

namespace Feed.Benchmarks.Load;

/// <summary>One feed response as the API answered it: the baseline serves these very bytes.</summary>
internal sealed record CapturedResponse(byte[] Body, string ContentType, int Posts);

/// <summary>Reads feeds through the HTTP API with a handful of requests in flight.</summary>
internal static class FeedReads
{
    public const string FeedPath = "/api/v1/feed?limit=20";

    private const int Parallelism = 32;

    /// <summary>
    /// Reads every user's first page once (activating their timeline, which rebuilds itself from the graph,
    /// and everything the page hydrates). Returns the first user's response and how long it all took.
    /// </summary>
    public static async Task<(CapturedResponse First, TimeSpan Elapsed)> ReadEachOnceAsync(ProductHost host, IReadOnlyList<long> userIds, string path = FeedPath)
    {
        using var client = host.CreateClient();
        var tokens = await host.Tokens.ForAsync(userIds); // before the clock: a session start is a login, not a read
        var clock = Stopwatch.StartNew();
        CapturedResponse? first = null;
        await Parallel.ForEachAsync(
            userIds.Select((id, index) => (id, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (user, ct) =>
            {
                var response = await GetAsync(client, tokens[user.index], path, ct);
                if (user.index == 0)
                {
                    first = response;
                }
            });
        return (first!, clock.Elapsed);
    }

    /// <summary>One page as <paramref name="token"/>'s user; throws unless the answer is 200.</summary>
    public static async Task<CapturedResponse> GetAsync(HttpClient client, string token, string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var json = JsonDocument.Parse(body);
        return new CapturedResponse(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", json.RootElement.GetProperty("posts").GetArrayLength());
    }

    /// <summary>Writes one bearer token per line for wrk's rotation.</summary>
    public static async Task<string> WriteTokensAsync(ProductHost host, IEnumerable<long> userIds, string directory)
    {
        var path = Path.Combine(directory, $"tokens-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, await host.Tokens.ForAsync(userIds));
        return path;
    }
}
