using System.Collections.Immutable;

namespace Instagram.Grains.Posts;

/// <summary>
/// One user's likes and saves. The rows are written by the post's grain (which also counts them); this
/// grain remembers the marks of posts it has been asked about, so a page of posts costs at most one query
/// for the posts it has not seen. It stays right because the user's own changes all pass through it, one
/// turn at a time, never interleaved with a read that is filling the memory from the database.
/// </summary>
[GrainType("engagement")]
public sealed class EngagementGrain(IPostStore posts) : Grain, IEngagementGrain
{
    /// <summary>Posts remembered at most; beyond it the oldest (lowest IDs, the least likely to be shown again) are forgotten.</summary>
    private const int Capacity = 4096;

    private readonly Dictionary<long, PostMarks> _known = [];

    private long UserId => this.GetPrimaryKeyLong();

    public async Task<LikeState?> LikeAsync(long postId)
    {
        var state = await GrainFactory.GetGrain<IPostGrain>(postId).LikeAsync(UserId);
        Update(postId, marks => marks with { Liked = true }, state is not null);
        return state;
    }

    public async Task<LikeState?> UnlikeAsync(long postId)
    {
        var state = await GrainFactory.GetGrain<IPostGrain>(postId).UnlikeAsync(UserId);
        Update(postId, marks => marks with { Liked = false }, state is not null);
        return state;
    }

    public async Task<bool> SaveAsync(long postId, bool saved)
    {
        var done = await GrainFactory.GetGrain<IPostGrain>(postId).SaveAsync(UserId, saved);
        Update(postId, marks => marks with { Saved = saved }, done);
        return done;
    }

    public async Task<ImmutableArray<PostMarks>> MarksAsync(ImmutableArray<long> postIds)
    {
        var unknown = postIds.Where(id => !_known.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var read = await posts.MarksAsync(UserId, unknown, CancellationToken.None);
            foreach (var postId in unknown)
            {
                _known[postId] = read.GetValueOrDefault(postId);
            }
        }

        var marks = postIds.Select(id => _known[id]).ToImmutableArray();
        Forget(); // after answering: what is forgotten may be this very page (old saved posts, say)
        return marks;
    }

    /// <summary>
    /// Applies a change the post grain made. A post not remembered is left to the next read; a refused change
    /// (no such post) is forgotten rather than guessed.
    /// </summary>
    private void Update(long postId, Func<PostMarks, PostMarks> change, bool done)
    {
        if (!done)
        {
            _known.Remove(postId);
        }
        else if (_known.TryGetValue(postId, out var marks))
        {
            _known[postId] = change(marks);
        }
    }

    private void Forget()
    {
        if (_known.Count <= Capacity)
        {
            return;
        }

        foreach (var postId in _known.Keys.Order().Take(_known.Count - Capacity * 3 / 4).ToList())
        {
            _known.Remove(postId);
        }
    }
}
