using System.Text.Json;
using Instagram.Grains.Posts;

namespace Instagram.ApiFrontend.Posts;

/// <summary>
/// A post rendered as lists show it — author, media URLs, counters — for one public URL base, with the change
/// counts of the post and of its author it was rendered from. Only what the viewer adds (likes, saves) is
/// left open: the four JSON renderings that differ in it are made on first use and kept.
/// </summary>
public sealed class PostCard(PostInfo post, PostView view, string publicBase, int postVersion, int authorVersion)
{
    private readonly byte[]?[] _json = new byte[4][];

    public PostInfo Post => post;

    public string PublicBase => publicBase;

    public int PostVersion => postVersion;

    public int AuthorVersion => authorVersion;

    public PostView View(PostMarks marks) => marks == default ? view : view with { LikedByMe = marks.Liked, SavedByMe = marks.Saved };

    /// <summary>The post as JSON for a viewer with these marks; renderings race harmlessly (the same bytes).</summary>
    public byte[] Json(PostMarks marks, JsonSerializerOptions options)
    {
        var slot = (marks.Liked ? 1 : 0) | (marks.Saved ? 2 : 0);
        return _json[slot] ??= JsonSerializer.SerializeToUtf8Bytes(View(marks), options);
    }
}

/// <summary>A post of a list as one viewer sees it.</summary>
public readonly record struct RenderedPost(PostCard Card, PostMarks Marks)
{
    public PostView View => Card.View(Marks);
}
