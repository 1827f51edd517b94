using System.Diagnostics;
using Instagram.Grains.Feed;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Silo.Tests.Cluster;

/// <summary>
/// Three silos of the product on PostgreSQL (Orleans' ADO.NET membership, grain state and reminders), one
/// killed without warning while a client streams follows, likes and posts at them. Afterwards every
/// acknowledged write is there, every grain answers again (its activation recreated on a survivor), and
/// posts acknowledged before the kill still reach their feeds. The time from the kill until every grain
/// answered again is measured and written to the test output. Alone in its collection: three silos and a
/// workload are enough load for two cores without other test classes beside them.
/// </summary>
[Collection(nameof(SiloLossSpecification))]
public sealed class SiloLossSpecification(ITestOutputHelper output) : IAsyncLifetime
{
    private const int UserCount = 40;
    private const int MediaCount = 600;
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(2);

    private readonly TestDirectory _directory = new("silo-loss");
    private readonly List<long> _users = [.. Enumerable.Range(1, UserCount).Select(i => 1000L + i)];
    private TemporaryPostgresSchema _schema = null!;
    private TestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        _schema = await TemporaryPostgresSchema.CreateAsync();
        var builder = new TestClusterBuilder(3);
        builder.Options.UseTestClusterMembership = false; // the real ADO.NET membership table, not the test cluster's
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:PostgresConnectionString"] = _schema.ConnectionString,
            ["Storage:DataDirectory"] = _directory.Path,
        }));
        builder.AddSiloBuilderConfigurator<ProductSiloConfigurator>();
        builder.AddSiloBuilderConfigurator<FastRemindersConfigurator>();
        builder.AddClientBuilderConfigurator<ProductClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _schema.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_write_and_its_grains_answer_again()
    {
        await Task.WhenAll(_users.Select(id => Grains.GetGrain<IUserGrain>(id).RegisterAsync(new NewAccount($"user{id}", $"user{id}@example.com", "not a hash", $"User {id}"))));
        var media = await SeedReadyMediaAsync();
        Assert.True(await SilosHostingUsersAsync() >= 2, "user grains are spread over the silos");

        var workload = new ClusterWorkload(Grains, _users, media);
        using var stop = new CancellationTokenSource();
        var running = workload.RunAsync(workers: 6, seed: 7, stop.Token);
        await Eventually.TrueAsync(() => workload.Acknowledged >= 300 || running.IsCompleted, "the workload is under way", TimeSpan.FromMinutes(1));
        var sinceKill = Stopwatch.StartNew();
        await _cluster.KillSiloAsync(_cluster.SecondarySilos[0]);
        var recovered = await MeasureRecoveryAsync(workload, sinceKill);
        var acknowledgedAtRecovery = workload.Acknowledged;
        await Eventually.TrueAsync(() => workload.Acknowledged >= acknowledgedAtRecovery + 300 || running.IsCompleted, "the workload goes on after the kill", TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await running;

        output.WriteLine($"silo killed: every grain answered again {recovered.TotalSeconds:F1} s after the kill");
        output.WriteLine($"acknowledged: {workload.Follows.Count} follows, {workload.Likes.Count} likes, {workload.Posts.Count} posts; " +
            $"failed calls: {string.Join(", ", workload.Failures.Select(f => $"{f.Value} {f.Key}"))}");

        await AssertFollowsPresentAsync(workload);
        await AssertLikesPresentAsync(workload);
        await AssertPostsPublishedAsync(workload);
        await AssertPostsInTheirFollowersFeedsAsync(workload);
    }

    /// <summary>From the kill until one whole round of calls — every user and every acknowledged post — succeeds.</summary>
    private async Task<TimeSpan> MeasureRecoveryAsync(ClusterWorkload workload, Stopwatch sinceKill)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await Task.WhenAll(_users.Select(id => Grains.GetGrain<IUserGrain>(id).GetProfileAsync())
                        .Concat<Task>(workload.Posts.Keys.ToList().Select(id => Grains.GetGrain<IPostGrain>(id).GetAsync())));
                    return true;
                }
                catch (Exception exception) when (exception is not TimeoutException || sinceKill.Elapsed < Recovery)
                {
                    return false;
                }
            },
            "every grain answers again after the kill",
            Recovery);
        return sinceKill.Elapsed;
    }

    private async Task AssertFollowsPresentAsync(ClusterWorkload workload)
    {
        foreach (var group in workload.Follows.GroupBy(f => f.Follower))
        {
            var page = await Grains.GetGrain<IUserGrain>(group.Key).GetFollowingAsync(null, 100);
            Assert.Null(page.Next); // 40 users: one page holds them all
            Assert.Subset(page.Items.Select(u => u.UserId).ToHashSet(), group.Select(f => f.Followee).ToHashSet());
        }
    }

    private async Task AssertLikesPresentAsync(ClusterWorkload workload)
    {
        foreach (var group in workload.Likes.GroupBy(l => l.User))
        {
            var posts = group.Select(l => l.Post).Distinct().ToList();
            var marks = await Grains.GetGrain<IEngagementGrain>(group.Key).MarksAsync([.. posts]);
            Assert.All(marks, mark => Assert.True(mark.Liked));
        }

        foreach (var post in workload.Likes.GroupBy(l => l.Post))
        {
            var likers = post.Select(l => l.User).Distinct().Count();
            Assert.InRange((await Grains.GetGrain<IPostGrain>(post.Key).GetAsync())!.LikeCount, likers, long.MaxValue);
        }
    }

    private async Task AssertPostsPublishedAsync(ClusterWorkload workload)
    {
        foreach (var (postId, (author, _)) in workload.Posts)
        {
            var post = await Grains.GetGrain<IPostGrain>(postId).GetAsync();
            Assert.Equal((PostStatus.Published, author), (post?.Status, post?.AuthorId));
        }
    }

    /// <summary>
    /// Every acknowledged post reaches its author's feed and the feed of everyone whose follow of the author was
    /// acknowledged before the post was asked for (the fan-out runs on, after the kill, wherever its grain lives).
    /// </summary>
    private async Task AssertPostsInTheirFollowersFeedsAsync(ClusterWorkload workload)
    {
        var expected = workload.Posts
            .SelectMany(post => workload.Follows.Where(f => f.Followee == post.Value.Author && f.AcknowledgedAt < post.Value.AskedAt)
                .Select(f => (Reader: f.Follower, Post: post.Key))
                .Append((Reader: post.Value.Author, Post: post.Key)))
            .GroupBy(e => e.Reader, e => e.Post);
        foreach (var reader in expected)
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    var feed = (await Grains.GetGrain<ITimelineGrain>(reader.Key).GetPageAsync(null, 800)).Items.Select(e => e.PostId).ToHashSet();
                    return reader.All(feed.Contains);
                },
                $"user {reader.Key}'s feed holds the {reader.Count()} posts it must",
                Recovery);
        }
    }

    /// <summary>Silos holding user activations, from each silo's own catalog (the simple statistics are process-wide).</summary>
    private async Task<int> SilosHostingUsersAsync()
    {
        var activations = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.Where(a => a.GrainType.StartsWith(typeof(IUserGrain).Namespace + ".UserGrain,", StringComparison.Ordinal))
            .Select(a => a.SiloAddress).Distinct().Count();
    }

    /// <summary>Media rows already processed, as the media pipeline leaves them: what posts need to publish at once.</summary>
    private async Task<IReadOnlyList<(long MediaId, long OwnerId)>> SeedReadyMediaAsync()
    {
        var media = Enumerable.Range(0, MediaCount).Select(i => (MediaId: 9_000_000L + i, OwnerId: _users[i % _users.Count])).ToList();
        await using var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        await using var batch = connection.CreateBatch();
        foreach (var (mediaId, ownerId) in media)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                """
                INSERT INTO media (media_id, owner_id, media_type, status, content_type, size_bytes, upload_key, original_key,
                    width, height, blurhash, variants, created_at, updated_at, version, attempts)
                VALUES ($1, $2, 'image', 'ready', 'image/jpeg', 1000, 'uploads/seeded', 'originals/seeded', 640, 480,
                    'L00000fQfQfQfQfQfQfQfQfQfQfQ', '[]', 0, 0, 1, 1)
                """) { Parameters = { new() { Value = mediaId }, new() { Value = ownerId } } });
        }

        await batch.ExecuteNonQueryAsync();
        return media;
    }

    /// <summary>Work reminders every 5 s instead of every minute: a survivor resumes a dead silo's fan-outs within the test's patience.</summary>
    public sealed class FastRemindersConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(5));
    }
}

/// <summary>Runs <see cref="SiloLossSpecification"/> alone, never beside other test classes.</summary>
[CollectionDefinition(nameof(SiloLossSpecification), DisableParallelization = true)]
public sealed class SiloLossCollection;
