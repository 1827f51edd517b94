using System.Collections.Concurrent;
using System.Collections.Immutable;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;

namespace Silo.Tests.Cluster;

/// <summary>
/// A stream of follows, likes and posts through an Orleans client, each recorded only once it was
/// acknowledged (the grain call returned success); calls that failed — a silo dying under them — are
/// counted by exception type and may or may not have happened. Posts use media seeded ready, one each,
/// owned by their author. A logical clock orders them: a follow acknowledged before a post was asked for
/// existed when the post was published, so the post must reach that follower's feed.
/// </summary>
internal sealed class ClusterWorkload(IGrainFactory grains, IReadOnlyList<long> userIds, IReadOnlyList<(long MediaId, long OwnerId)> media)
{
    private const long FirstPostId = 5_000_000;

    private readonly ConcurrentBag<(long Follower, long Followee, long AcknowledgedAt)> _follows = [];
    private readonly ConcurrentBag<(long User, long Post)> _likes = [];
    private readonly ConcurrentDictionary<long, (long Author, long AskedAt)> _posts = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private int _nextMedia = -1;
    private long _clock;

    public IReadOnlyCollection<(long Follower, long Followee, long AcknowledgedAt)> Follows => _follows;

    public IReadOnlyCollection<(long User, long Post)> Likes => _likes;

    /// <summary>Acknowledged posts: their author, and the logical time the post was asked for.</summary>
    public IReadOnlyDictionary<long, (long Author, long AskedAt)> Posts => _posts;

    public IReadOnlyDictionary<string, int> Failures => _failures;

    public int Acknowledged => _follows.Count + _likes.Count + _posts.Count;

    /// <summary>Runs <paramref name="workers"/> loops of random operations until <paramref name="stop"/>.</summary>
    public Task RunAsync(int workers, int seed, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => LoopAsync(new Random(seed + worker), stop))));

    private async Task LoopAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(10);
            try
            {
                if (roll < 4)
                {
                    await FollowAsync(random);
                }
                else if (roll < 8 && !_posts.IsEmpty)
                {
                    await LikeAsync(random);
                }
                else
                {
                    await PostAsync();
                }
            }
            catch (Exception exception)
            {
                _failures.AddOrUpdate(exception.GetType().Name, 1, (_, count) => count + 1);
            }
        }
    }

    private async Task FollowAsync(Random random)
    {
        var (follower, followee) = (Pick(random), Pick(random));
        if (follower != followee && (await grains.GetGrain<IUserGrain>(follower).FollowAsync(followee)).Outcome == GraphOutcome.Done)
        {
            _follows.Add((follower, followee, Interlocked.Increment(ref _clock)));
        }
    }

    private async Task LikeAsync(Random random)
    {
        var (user, post) = (Pick(random), _posts.Keys.ElementAt(random.Next(_posts.Count)));
        if (await grains.GetGrain<IEngagementGrain>(user).LikeAsync(post) is not null)
        {
            _likes.Add((user, post));
        }
    }

    private async Task PostAsync()
    {
        var next = Interlocked.Increment(ref _nextMedia);
        if (next >= media.Count)
        {
            return;
        }

        var (mediaId, author) = media[next];
        var postId = FirstPostId + next;
        var draft = new PostDraft(author, [mediaId], $"post {next} #cluster", Location: null, TaggedUserIds: ImmutableArray<long>.Empty);
        var askedAt = Interlocked.Increment(ref _clock);
        if ((await grains.GetGrain<IPostGrain>(postId).CreateAsync(draft)).Outcome == PostCreateOutcome.Created)
        {
            _posts[postId] = (author, askedAt);
        }
    }

    private long Pick(Random random) => userIds[random.Next(userIds.Count)];
}
