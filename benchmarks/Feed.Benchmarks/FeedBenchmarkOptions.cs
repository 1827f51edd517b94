using System.Globalization;

namespace Feed.Benchmarks;

/// <param name="Window">Measured seconds of each wrk run. Default 10.</param>
/// <param name="Warmup">Least load before measuring an endpoint: twice the window, at most 20 s, unless given; it goes on until throughput is steady.</param>
/// <param name="Authors">Authors with posts in the feed benchmarks. Default 1 000.</param>
/// <param name="PostsPerAuthor">Published posts per author, on average (±20 %). Default 10.</param>
/// <param name="Readers">Users whose feeds are read. Default 500.</param>
/// <param name="Follows">Authors each reader follows, chosen at random. Default 200.</param>
/// <param name="Connections">wrk's connections (one thread). Default 64.</param>
/// <param name="FanoutFollowers">Followers of the author in the fan-out benchmark. Default 9 999, just under the celebrity threshold.</param>
/// <param name="CelebrityFollowers">Followers of the celebrity. Default 1 000 000.</param>
/// <param name="Sample">Celebrity followers whose first page is checked, chosen at random. Default: every one.</param>
/// <param name="Seed">Seed of every random choice, so runs are comparable. Default 42.</param>
/// <param name="Only">One of feed, pull, fanout, celebrity, dashboard; null for all.</param>
/// <param name="PostgresConnectionString">The server scripts/bench-feed.sh started (INSTAGRAM_TEST_POSTGRES); the pull benchmark needs it.</param>
internal sealed record FeedBenchmarkOptions(
    TimeSpan Window,
    TimeSpan Warmup,
    int Authors,
    int PostsPerAuthor,
    int Readers,
    int Follows,
    int Connections,
    int FanoutFollowers,
    int CelebrityFollowers,
    int Sample,
    int Seed,
    string? Only,
    string? PostgresConnectionString)
{
    private const string Usage =
        "Options: --window s, --warmup s, --authors n, --posts-per-author n, --readers n, --follows n, --connections n, " +
        "--fanout-followers n, --celebrity-followers n, --sample n, --seed n, --only feed|pull|fanout|celebrity|dashboard.";

    public bool Runs(string benchmark) => Only is null || Only == benchmark;

    public static FeedBenchmarkOptions Parse(string[] args)
    {
        var window = 10.0;
        double? warmup = null;
        int authors = 1000, postsPerAuthor = 10, readers = 500, follows = 200, connections = 64;
        int fanoutFollowers = 9999, celebrityFollowers = 1_000_000, sample = int.MaxValue, seed = 42;
        string? only = null;
        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Every option takes a value. {Usage}");
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--window": window = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--authors": authors = Positive(value); break;
                case "--posts-per-author": postsPerAuthor = Positive(value); break;
                case "--readers": readers = Positive(value); break;
                case "--follows": follows = Positive(value); break;
                case "--connections": connections = Positive(value); break;
                case "--fanout-followers": fanoutFollowers = Positive(value); break;
                case "--celebrity-followers": celebrityFollowers = Positive(value); break;
                case "--sample": sample = Positive(value); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--only" when value is "feed" or "pull" or "fanout" or "celebrity" or "dashboard": only = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]} {value}. {Usage}");
            }
        }

        // wrk takes whole seconds.
        var seconds = Math.Max(1, (int)Math.Round(window));
        return new FeedBenchmarkOptions(
            TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(Math.Max(2, warmup ?? Math.Min(20, 2 * seconds))),
            authors,
            postsPerAuthor,
            readers,
            Math.Min(follows, authors),
            connections,
            fanoutFollowers,
            celebrityFollowers,
            Math.Min(sample, celebrityFollowers),
            seed,
            only,
            Environment.GetEnvironmentVariable("INSTAGRAM_TEST_POSTGRES"));
    }

    private static int Positive(string value) =>
        int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{value} is not a positive number.");
}
