using Instagram.Grains.Paging;

namespace Instagram.Grains.Posts;

/// <summary>A post as stored, and whether its publication still has to be handed to the fan-out.</summary>
public sealed record StoredPost(PostInfo Post, bool FanoutPending);

/// <summary>The posts, likes, comments and saves tables, as post grains need them.</summary>
public interface IPostStore
{
    /// <summary>The post with its like and comment counts counted from their tables (the truth), or null.</summary>
    Task<StoredPost?> FindAsync(long postId, CancellationToken cancellationToken);

    /// <summary>Inserts the post and its hashtags; false if the ID is taken.</summary>
    Task<bool> InsertAsync(PostInfo post, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a processing post to <paramref name="status"/>. Publishing also counts it on its author and marks
    /// its fan-out pending, in the same transaction, so a published post always reaches feeds. False, and
    /// nothing changed, if the post is no longer processing (or gone).
    /// </summary>
    Task<bool> SettleAsync(PostInfo post, PostStatus status, CancellationToken cancellationToken);

    /// <summary>The post's fan-out was handed over (it is queued in the author's fan-out grain).</summary>
    Task MarkFanoutHandedOverAsync(long postId, CancellationToken cancellationToken);

    /// <summary>Deletes the post with its hashtags, likes, comments and saves (and uncounts it on its author if it was published).</summary>
    Task DeleteAsync(PostInfo post, CancellationToken cancellationToken);

    /// <summary>Inserts the like row; false if it was there already.</summary>
    Task<bool> AddLikeAsync(long postId, long userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the like row; false if there was none.</summary>
    Task<bool> RemoveLikeAsync(long postId, long userId, CancellationToken cancellationToken);

    /// <summary>Writes the grain's counters to the post row, for queries that rank by them.</summary>
    Task WriteCountersAsync(long postId, long likes, long comments, CancellationToken cancellationToken);

    Task AddCommentAsync(CommentInfo comment, CancellationToken cancellationToken);

    Task<CommentInfo?> FindCommentAsync(long postId, long commentId, CancellationToken cancellationToken);

    Task<bool> DeleteCommentAsync(long postId, long commentId, CancellationToken cancellationToken);

    /// <summary>Comments, newest first.</summary>
    Task<Page<CommentInfo>> CommentsAsync(long postId, PageCursor? after, int limit, CancellationToken cancellationToken);

    Task SetSavedAsync(long postId, long userId, bool saved, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="postIds"/> the user likes and has saved; posts with neither are left out.</summary>
    Task<IReadOnlyDictionary<long, PostMarks>> MarksAsync(long userId, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken);

    /// <summary>Post IDs a user saved, most recently saved first.</summary>
    Task<Page<long>> SavedByAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Published post IDs of an author, newest first (the profile grid).</summary>
    Task<Page<long>> PublishedByAsync(long authorId, PageCursor? after, int limit, CancellationToken cancellationToken);
}
