using System.Collections.Immutable;

namespace Instagram.Grains.Posts;

/// <summary>Whether one user likes one post and has saved it.</summary>
[GenerateSerializer, Immutable, Alias("ig.PostMarks")]
public readonly record struct PostMarks(bool Liked, bool Saved);

/// <summary>
/// One user's likes and saves, keyed by user ID. Every like, unlike, save and unsave the user makes goes
/// through here, so the question every list of posts asks for each post — "do I like it, have I saved it" —
/// is answered from memory, after one batch query for the posts this grain has not been asked about before.
/// </summary>
[Alias("ig.IEngagementGrain")]
public interface IEngagementGrain : IGrainWithIntegerKey
{
    /// <summary>Likes the post (idempotent); null if there is no published post with this ID.</summary>
    [Alias("Like")]
    Task<LikeState?> LikeAsync(long postId);

    /// <summary>Takes the like back (idempotent); null if there is no published post with this ID.</summary>
    [Alias("Unlike")]
    Task<LikeState?> UnlikeAsync(long postId);

    /// <summary>Saves or unsaves the post (idempotent); false if there is no published post with this ID.</summary>
    [Alias("Save")]
    Task<bool> SaveAsync(long postId, bool saved);

    /// <summary>The user's marks on each post, in the order asked.</summary>
    [ReadOnly]
    [Alias("Marks")]
    Task<ImmutableArray<PostMarks>> MarksAsync(ImmutableArray<long> postIds);
}
