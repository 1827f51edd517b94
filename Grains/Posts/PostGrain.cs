using Instagram.Grains.DurableWork;
using Instagram.Grains.Feed;
using Instagram.Grains.Identity;
using Instagram.Grains.Media;
using Instagram.Grains.Paging;
using Instagram.Grains.Users;
using Microsoft.Extensions.Logging;

namespace Instagram.Grains.Posts;

/// <summary>
/// One post. Two-phase publishing: the post is stored as processing, and only when every media item is
/// ready does it become published (and counted on its author); a failed item fails it. Publishing marks
/// the post's fan-out pending in the same write, and the mark is cleared once the author's fan-out grain
/// has queued the post, so a published post always reaches feeds and an unpublished one never does. While
/// processing, a timer checks the media twice a second; a reminder, registered before the post is stored
/// and kept until its fan-out is handed over, brings back a post whose silo died meanwhile. Likes and
/// comments are rows (the truth); their counters live here and are written back to the post row in the
/// background.
/// </summary>
[GrainType("post")]
public sealed partial class PostGrain(
    IPostStore posts,
    SnowflakeIdGenerator ids,
    IRenderedViews views,
    PendingWorkReminder reminder,
    TimeProvider clock,
    ILogger<PostGrain> logger) : Grain, IPostGrain, IRemindable
{
    private const string PublicationReminder = "publication";
    private static readonly TimeSpan MediaCheckInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CounterWriteBehind = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestHandOverWait = TimeSpan.FromMinutes(1);

    private PostInfo? _post;
    private bool _fanoutPending;
    private bool _countersDirty;
    private IGrainTimer? _mediaWatch;
    private int _handOverFailures;
    private DateTimeOffset _nextHandOver;

    private long PostId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_post, _fanoutPending) = await posts.FindAsync(PostId, cancellationToken) is { } stored ? (stored.Post, stored.FanoutPending) : (null, false);

        // What was stored may differ from renderings made by an earlier activation: a delete whose commit went
        // through although the call failed, counters whose write-behind was lost with a crash.
        views.PostChanged(PostId);
        if (_post is { Status: PostStatus.Processing } || _fanoutPending)
        {
            WatchMedia(); // resumes what a crashed activation left: checking the media, or handing over the fan-out
        }

        this.RegisterGrainTimer(WriteCountersAsync, CounterWriteBehind, CounterWriteBehind);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteCountersAsync();

    public async Task<PostCreateResult> CreateAsync(PostDraft draft)
    {
        if (_post is not null)
        {
            return new PostCreateResult(PostCreateOutcome.Exists, _post);
        }

        foreach (var mediaId in draft.MediaIds)
        {
            var media = await GrainFactory.GetGrain<IMediaGrain>(mediaId).GetAsync(draft.AuthorId);
            if (media.Media is not { Status: MediaStatus.Processing or MediaStatus.Ready })
            {
                return new PostCreateResult(PostCreateOutcome.UnusableMedia, null);
            }
        }

        var post = new PostInfo(
            PostId, draft.AuthorId, draft.MediaIds, draft.Caption, CaptionParser.Hashtags(draft.Caption), CaptionParser.Mentions(draft.Caption),
            draft.Location, draft.TaggedUserIds, PostStatus.Processing, LikeCount: 0, CommentCount: 0, clock.GetUtcNow());

        // Armed before the row exists: a crash right after the insert still finds the reminder.
        await reminder.EnsureAsync(this, PublicationReminder);
        if (!await this.DeactivateOnFailureAsync(() => posts.InsertAsync(post, CancellationToken.None)))
        {
            return new PostCreateResult(PostCreateOutcome.Exists, null);
        }

        _post = post;
        await CheckMediaAsync();
        if (_post is { Status: PostStatus.Processing })
        {
            WatchMedia();
        }

        return new PostCreateResult(PostCreateOutcome.Created, _post);
    }

    public Task<PostInfo?> GetAsync() => Task.FromResult(_post);

    public async Task<PostAccess> DeleteAsync(long requesterId)
    {
        if (_post is not { } post)
        {
            return PostAccess.NotFound;
        }

        if (post.AuthorId != requesterId)
        {
            return PostAccess.Forbidden;
        }

        await this.DeactivateOnFailureAsync(() => posts.DeleteAsync(post, CancellationToken.None));
        _post = null;
        _fanoutPending = false;
        _countersDirty = false;
        views.PostChanged(PostId);
        await StopWatchingAsync();
        if (post.Status == PostStatus.Published)
        {
            await GrainFactory.GetGrain<IUserGrain>(post.AuthorId).CountersChangedAsync();
        }

        DeactivateOnIdle();
        return PostAccess.Done;
    }

    public async Task<LikeState?> LikeAsync(long userId)
    {
        if (_post is not { Status: PostStatus.Published })
        {
            return null;
        }

        var added = await posts.AddLikeAsync(PostId, userId, clock.GetUtcNow(), CancellationToken.None);
        return CountLike(added ? +1 : 0, liked: true);
    }

    public async Task<LikeState?> UnlikeAsync(long userId)
    {
        if (_post is not { Status: PostStatus.Published })
        {
            return null;
        }

        var removed = await posts.RemoveLikeAsync(PostId, userId, CancellationToken.None);
        return CountLike(removed ? -1 : 0, liked: false);
    }

    public async Task<CommentInfo?> AddCommentAsync(long authorId, string text)
    {
        if (_post is not { Status: PostStatus.Published })
        {
            return null;
        }

        var comment = new CommentInfo(ids.NextId(), PostId, authorId, text, clock.GetUtcNow());
        await posts.AddCommentAsync(comment, CancellationToken.None);
        CountComment(+1);
        return comment;
    }

    public async Task<PostAccess> DeleteCommentAsync(long requesterId, long commentId)
    {
        if (_post is not { } post || await posts.FindCommentAsync(PostId, commentId, CancellationToken.None) is not { } comment)
        {
            return PostAccess.NotFound;
        }

        if (requesterId != comment.AuthorId && requesterId != post.AuthorId)
        {
            return PostAccess.Forbidden;
        }

        if (await posts.DeleteCommentAsync(PostId, commentId, CancellationToken.None))
        {
            CountComment(-1);
        }

        return PostAccess.Done;
    }

    public Task<Page<CommentInfo>> GetCommentsAsync(PageCursor? after, int limit) => posts.CommentsAsync(PostId, after, limit, CancellationToken.None);

    public async Task<bool> SaveAsync(long userId, bool saved)
    {
        if (_post is not { Status: PostStatus.Published })
        {
            return false;
        }

        await posts.SetSavedAsync(PostId, userId, saved, clock.GetUtcNow(), CancellationToken.None);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_post is { Status: PostStatus.Processing } || _fanoutPending)
        {
            await CheckMediaAsync();
            if (_post is { Status: PostStatus.Processing } || _fanoutPending)
            {
                WatchMedia();
            }
        }
        else
        {
            await StopWatchingAsync();
        }
    }

    /// <summary>
    /// Publishes the post once all its media are ready, fails it if one failed, and otherwise leaves it
    /// processing; then hands a publication over to the fan-out.
    /// </summary>
    private async Task CheckMediaAsync()
    {
        if (_fanoutPending)
        {
            await HandOverFanoutAsync();
            return;
        }

        if (_post is not { Status: PostStatus.Processing } post)
        {
            return;
        }

        var statuses = await Task.WhenAll(post.MediaIds.Select(id => GrainFactory.GetGrain<IMediaGrain>(id).GetAsync(post.AuthorId)));
        var settled = statuses.Any(s => s.Media is null or { Status: MediaStatus.Failed }) ? PostStatus.Failed
            : statuses.All(s => s.Media is { Status: MediaStatus.Ready }) ? PostStatus.Published
            : PostStatus.Processing;
        if (settled == PostStatus.Processing || _post is not { Status: PostStatus.Processing })
        {
            return;
        }

        if (!await this.DeactivateOnFailureAsync(() => posts.SettleAsync(post, settled, CancellationToken.None)))
        {
            // The row is no longer processing (deleted meanwhile, or settled by a call that failed after committing):
            // what this activation holds is stale, so the next call reads the row afresh.
            DeactivateOnIdle();
            return;
        }

        _post = _post with { Status = settled };
        views.PostChanged(PostId);
        if (settled == PostStatus.Published)
        {
            _fanoutPending = true;
            await GrainFactory.GetGrain<IUserGrain>(post.AuthorId).CountersChangedAsync();
            await HandOverFanoutAsync();
        }
        else
        {
            await StopWatchingAsync();
        }
    }

    /// <summary>
    /// Queues the publication with the author's fan-out, then clears the mark. Repeated after a crash, it queues
    /// it again at most. A failure leaves the mark for the watch timer to retry, backing off to a minute: the
    /// post is published either way, so whoever published it is not told of the fan-out's trouble.
    /// </summary>
    private async Task HandOverFanoutAsync()
    {
        if (_post is not { Status: PostStatus.Published } post || clock.GetUtcNow() < _nextHandOver)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IFanoutGrain>(post.AuthorId).EnqueueAsync(new FeedEntry(post.PostId, post.AuthorId));
            await this.DeactivateOnFailureAsync(() => posts.MarkFanoutHandedOverAsync(PostId, CancellationToken.None));
        }
        catch (Exception exception)
        {
            var wait = TimeSpan.FromTicks(Math.Min(LongestHandOverWait.Ticks, TimeSpan.TicksPerSecond << Math.Min(_handOverFailures++, 16)));
            _nextHandOver = clock.GetUtcNow() + wait;
            LogHandOverFailed(logger, exception, PostId, wait);
            WatchMedia();
            return;
        }

        _fanoutPending = false;
        _handOverFailures = 0;
        await StopWatchingAsync();
    }

    private void WatchMedia() =>
        _mediaWatch ??= this.RegisterGrainTimer(CheckMediaAsync, new GrainTimerCreationOptions(MediaCheckInterval, MediaCheckInterval) { KeepAlive = true });

    private async Task StopWatchingAsync()
    {
        _mediaWatch?.Dispose();
        _mediaWatch = null;
        await reminder.ClearAsync(this, PublicationReminder);
    }

    private LikeState? CountLike(int delta, bool liked)
    {
        if (_post is null)
        {
            return null; // deleted while the row was being written
        }

        if (delta != 0)
        {
            _post = _post with { LikeCount = _post.LikeCount + delta };
            _countersDirty = true;
            views.PostChanged(PostId);
        }

        return new LikeState(liked, _post.LikeCount);
    }

    private void CountComment(int delta)
    {
        if (_post is not null)
        {
            _post = _post with { CommentCount = _post.CommentCount + delta };
            _countersDirty = true;
            views.PostChanged(PostId);
        }
    }

    private async Task WriteCountersAsync()
    {
        if (_countersDirty && _post is { } post)
        {
            // Cleared only once written: a failed write throws here and the next tick tries again.
            await posts.WriteCountersAsync(PostId, post.LikeCount, post.CommentCount, CancellationToken.None);
            _countersDirty = _post is { } now && (now.LikeCount, now.CommentCount) != (post.LikeCount, post.CommentCount);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing post {PostId} over to its fan-out failed; retrying in {Wait}")]
    private static partial void LogHandOverFailed(ILogger logger, Exception exception, long postId, TimeSpan wait);
}
