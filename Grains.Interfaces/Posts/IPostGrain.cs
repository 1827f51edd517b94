using Instagram.Grains.Paging;

namespace Instagram.Grains.Posts;

/// <summary>
/// One post, keyed by post ID: content, status and live counters. It publishes itself once every media
/// item is ready (two-phase: nothing about the post reaches anyone else before that). Likes are one row
/// each (the truth) and a counter here, written back in the background, so a hot post never queues
/// behind one database row. Users like and save through their <see cref="IEngagementGrain"/>, which
/// remembers their marks. Visibility (private authors, blocks) is checked by callers with the author's
/// user grain before asking for the post.
/// </summary>
[Alias("ig.IPostGrain")]
public interface IPostGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<PostCreateResult> CreateAsync(PostDraft draft);

    /// <summary>The post; null if there is none (or it was deleted).</summary>
    [AlwaysInterleave]
    [Alias("Get")]
    Task<PostInfo?> GetAsync();

    /// <summary>Deletes the post (its author only).</summary>
    [Alias("Delete")]
    Task<PostAccess> DeleteAsync(long requesterId);

    /// <summary>Idempotent: a second like by the same user changes nothing.</summary>
    [AlwaysInterleave]
    [Alias("Like")]
    Task<LikeState?> LikeAsync(long userId);

    [AlwaysInterleave]
    [Alias("Unlike")]
    Task<LikeState?> UnlikeAsync(long userId);

    [Alias("AddComment")]
    Task<CommentInfo?> AddCommentAsync(long authorId, string text);

    /// <summary>Deletes a comment: its author or the post's author only.</summary>
    [Alias("DeleteComment")]
    Task<PostAccess> DeleteCommentAsync(long requesterId, long commentId);

    [AlwaysInterleave]
    [Alias("GetComments")]
    Task<Page<CommentInfo>> GetCommentsAsync(PageCursor? after, int limit);

    /// <summary>Saves the post for <paramref name="userId"/>; false if there is no such (published) post.</summary>
    [AlwaysInterleave]
    [Alias("Save")]
    Task<bool> SaveAsync(long userId, bool saved);
}
