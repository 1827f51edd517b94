using Instagram.ApiFrontend.Media;
using Instagram.Grains.Media;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Runtime;

namespace Instagram.ApiFrontend.Posts;

/// <summary>
/// Reads posts for one viewer: decides visibility (a processing or failed post is its author's alone; a
/// private author's posts are for approved followers; blocks hide everything) and hydrates what is visible
/// — author, media, counters, the viewer's like and save — with the calls for each post made in parallel.
/// </summary>
public sealed class PostReader(IGrainFactory grains, IOptions<MediaOptions> mediaOptions)
{
    /// <summary>The post as <paramref name="viewerId"/> may see it, or null if it may not (or there is none).</summary>
    public async Task<PostInfo?> FindVisibleAsync(long postId, long viewerId)
    {
        if (await grains.GetGrain<IPostGrain>(postId).GetAsync() is not { } post)
        {
            return null;
        }

        if (post.AuthorId == viewerId)
        {
            return post;
        }

        return post.Status == PostStatus.Published && await grains.GetGrain<IUserGrain>(post.AuthorId).CanSeeContentAsync(viewerId) ? post : null;
    }

    public async Task<PostView?> ViewAsync(long postId, long viewerId, HttpRequest request) =>
        await FindVisibleAsync(postId, viewerId) is { } post ? await HydrateAsync(post, viewerId, request) : null;

    /// <summary>Posts in the order given, those the viewer may not see (or that vanished) left out.</summary>
    public async Task<IReadOnlyList<PostView>> ViewAllAsync(IEnumerable<long> postIds, long viewerId, HttpRequest request)
    {
        var views = await Task.WhenAll(postIds.Select(id => ViewAsync(id, viewerId, request)));
        return [.. views.OfType<PostView>()];
    }

    private async Task<PostView> HydrateAsync(PostInfo post, long viewerId, HttpRequest request)
    {
        var postGrain = grains.GetGrain<IPostGrain>(post.PostId);
        var author = grains.GetGrain<IUserGrain>(post.AuthorId).GetProfileAsync();
        var media = Task.WhenAll(post.MediaIds.Select(id => grains.GetGrain<IMediaGrain>(id).GetAsync(post.AuthorId)));
        var liked = postGrain.IsLikedByAsync(viewerId);
        var saved = postGrain.IsSavedByAsync(viewerId);
        await Task.WhenAll(author, media, liked, saved);

        var profile = await author;
        return new PostView(
            PostView.Id(post.PostId),
            new AuthorView(PostView.Id(post.AuthorId), profile?.Username ?? string.Empty, AvatarUrl: null),
            [.. (await media).Select(m => m.Media).OfType<MediaInfo>().Select(m => MediaView.From(m, key => MediaFiles.PublicUrl(request, mediaOptions.Value, key)))],
            post.Caption,
            post.Hashtags,
            post.Mentions,
            post.Location is { } place ? new LocationBody(place.Latitude, place.Longitude, place.Name) : null,
            post.LikeCount,
            post.CommentCount,
            await liked,
            await saved,
            PostView.StatusName(post.Status),
            post.CreatedAt);
    }
}
