using System.Collections.Immutable;
using Instagram.Grains.Media;
using Instagram.Grains.Posts;

namespace Feed.Benchmarks.Seeding;

/// <summary>A users row. Counters must agree with the follows and posts rows seeded beside it.</summary>
internal sealed record SeedUser(
    long UserId,
    string Username,
    string DisplayName,
    long? AvatarMediaId,
    long FollowerCount,
    long FollowingCount,
    long PostCount,
    DateTimeOffset CreatedAt);

/// <summary>A processed image (status ready) with the variants the media pipeline would have written.</summary>
internal sealed record SeedMedia(
    long MediaId,
    long OwnerId,
    int Width,
    int Height,
    long SizeBytes,
    string UploadKey,
    string OriginalKey,
    string Blurhash,
    ImmutableArray<MediaVariant> Variants,
    DateTimeOffset CreatedAt);

/// <summary>A published post. Hashtags and mentions are parsed from the caption, as the post grain does.</summary>
internal sealed record SeedPost(
    long PostId,
    long AuthorId,
    ImmutableArray<long> MediaIds,
    string Caption,
    PostLocation? Location,
    long LikeCount,
    DateTimeOffset CreatedAt);

internal readonly record struct SeedFollow(long FollowerId, long FolloweeId, DateTimeOffset CreatedAt);

/// <summary>A like or a save: one user, one post.</summary>
internal readonly record struct SeedMark(long UserId, long PostId, DateTimeOffset CreatedAt);
