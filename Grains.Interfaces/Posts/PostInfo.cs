using System.Collections.Immutable;

namespace Instagram.Grains.Posts;

[GenerateSerializer, Alias("ig.PostStatus")]
public enum PostStatus
{
    /// <summary>Waiting for its media to finish processing; visible to its author only.</summary>
    Processing,

    Published,

    /// <summary>A media item failed: the post will never publish.</summary>
    Failed,
}

[GenerateSerializer, Immutable, Alias("ig.PostLocation")]
public sealed record PostLocation(double Latitude, double Longitude, string Name);

/// <summary>What an author asks to post. Captions are parsed for hashtags and mentions by the post grain.</summary>
[GenerateSerializer, Immutable, Alias("ig.PostDraft")]
public sealed record PostDraft(long AuthorId, ImmutableArray<long> MediaIds, string Caption, PostLocation? Location, ImmutableArray<long> TaggedUserIds);

/// <summary>A post as its grain holds it. Counters are the grain's live values (the likes and comments tables are the truth).</summary>
[GenerateSerializer, Immutable, Alias("ig.PostInfo")]
public sealed record PostInfo(
    long PostId,
    long AuthorId,
    ImmutableArray<long> MediaIds,
    string Caption,
    ImmutableArray<string> Hashtags,
    ImmutableArray<string> Mentions,
    PostLocation? Location,
    ImmutableArray<long> TaggedUserIds,
    PostStatus Status,
    long LikeCount,
    long CommentCount,
    DateTimeOffset CreatedAt);

[GenerateSerializer, Alias("ig.PostCreateOutcome")]
public enum PostCreateOutcome
{
    Created,

    /// <summary>A media item is not the author's, does not exist, was never uploaded, or failed.</summary>
    UnusableMedia,

    /// <summary>The ID was used before (the caller should make a fresh one).</summary>
    Exists,
}

[GenerateSerializer, Immutable, Alias("ig.PostCreateResult")]
public sealed record PostCreateResult(PostCreateOutcome Outcome, PostInfo? Post);

/// <summary>A comment as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("ig.CommentInfo")]
public sealed record CommentInfo(long CommentId, long PostId, long AuthorId, string Text, DateTimeOffset CreatedAt);

/// <summary>Whether the viewer likes the post, and the post's like count after the change.</summary>
[GenerateSerializer, Immutable, Alias("ig.LikeState")]
public sealed record LikeState(bool Liked, long LikeCount);

/// <summary>Who may do what to a post or comment.</summary>
[GenerateSerializer, Alias("ig.PostAccess")]
public enum PostAccess
{
    Done,
    NotFound,
    Forbidden,
}
