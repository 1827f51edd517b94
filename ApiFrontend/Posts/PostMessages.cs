using System.Globalization;
using Instagram.ApiFrontend.Media;
using Instagram.Grains.Posts;

namespace Instagram.ApiFrontend.Posts;

public sealed record LocationBody(double? Lat, double? Lng, string? Name);

/// <summary>The body of <c>POST /posts</c>. IDs are strings, as everywhere in the API.</summary>
public sealed record CreatePostRequest(IReadOnlyList<string>? MediaIds, string? Caption, LocationBody? Location, IReadOnlyList<string>? TaggedUsers);

public sealed record PostCreated(string PostId, string Status);

public sealed record CommentRequest(string? Text);

public sealed record AuthorView(string UserId, string Username, Uri? AvatarUrl);

/// <summary>A user tagged in a post. Usernames never change, so a rendered post stays true.</summary>
public sealed record TaggedUserView(string UserId, string Username);

public sealed record CommentView(string CommentId, AuthorView User, string Text, DateTimeOffset CreatedAt)
{
    public static CommentView From(CommentInfo comment, AuthorView author) => new(PostView.Id(comment.CommentId), author, comment.Text, comment.CreatedAt);
}

public sealed record CommentListResponse(IReadOnlyList<CommentView> Comments, string? NextCursor, bool HasMore);

public sealed record LikeResponse(bool Liked, long LikeCount);

/// <summary>Whether the caller has the post saved, after a save or unsave (as a like answers with its state).</summary>
public sealed record SaveResponse(bool Saved);

/// <summary>A post as clients see it (GET /posts/{id}, and every list of posts).</summary>
public sealed record PostView(
    string PostId,
    AuthorView User,
    IReadOnlyList<MediaView> Media,
    string Caption,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Mentions,
    LocationBody? Location,
    IReadOnlyList<TaggedUserView> TaggedUsers,
    long LikeCount,
    long CommentCount,
    bool LikedByMe,
    bool SavedByMe,
    string Status,
    DateTimeOffset CreatedAt)
{
    public static string StatusName(PostStatus status) => status switch
    {
        PostStatus.Processing => "processing",
        PostStatus.Published => "published",
        _ => "failed",
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record PostListResponse(IReadOnlyList<PostView> Posts, string? NextCursor, bool HasMore);
