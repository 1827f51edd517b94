using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.Users;
using Instagram.Grains.Media;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Runtime;

namespace Instagram.ApiFrontend.Posts;

/// <summary>Whether a list's posts still need their authors checked against the viewer.</summary>
public enum AuthorCheck
{
    /// <summary>The list is of posts the viewer may see by construction (their timeline; a grid whose author was checked).</summary>
    Done,

    /// <summary>Posts of any authors (saved posts): each distinct author is asked once.</summary>
    EachAuthor,
}

/// <summary>
/// Reads posts for one viewer: decides visibility (a processing or failed post is its author's alone; a
/// private author's posts are for approved followers; blocks hide everything) and hydrates a whole page at
/// once — posts, their distinct authors and avatars, media, and the viewer's likes and saves in one call —
/// every grain call of the page made in parallel.
/// </summary>
public sealed class PostReader(IGrainFactory grains, AvatarUrls avatars, IOptions<MediaOptions> mediaOptions)
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
        await FindVisibleAsync(postId, viewerId) is { } post ? (await HydrateAsync([post], viewerId, request))[0] : null;

    /// <summary>Posts in the order given, those the viewer may not see (or that vanished) left out.</summary>
    public async Task<IReadOnlyList<PostView>> ViewAllAsync(IEnumerable<long> postIds, long viewerId, AuthorCheck check, HttpRequest request)
    {
        var found = await Task.WhenAll(postIds.Select(id => grains.GetGrain<IPostGrain>(id).GetAsync()));
        var posts = found.OfType<PostInfo>().Where(p => p.Status == PostStatus.Published || p.AuthorId == viewerId).ToList();
        if (check == AuthorCheck.EachAuthor)
        {
            var authors = posts.Select(p => p.AuthorId).Where(id => id != viewerId).Distinct().ToList();
            var allowed = await Task.WhenAll(authors.Select(id => grains.GetGrain<IUserGrain>(id).CanSeeContentAsync(viewerId)));
            var hidden = authors.Where((_, i) => !allowed[i]).ToHashSet();
            posts.RemoveAll(p => hidden.Contains(p.AuthorId));
        }

        return await HydrateAsync(posts, viewerId, request);
    }

    private async Task<IReadOnlyList<PostView>> HydrateAsync(IReadOnlyList<PostInfo> posts, long viewerId, HttpRequest request)
    {
        if (posts.Count == 0)
        {
            return [];
        }

        var authorIds = posts.Select(p => p.AuthorId).Distinct().ToList();
        var authorsTask = AuthorsAsync(authorIds, request);
        var media = posts.SelectMany(p => p.MediaIds.Select(id => (MediaId: id, OwnerId: p.AuthorId))).Distinct().ToList();
        var mediaTask = Task.WhenAll(media.Select(m => grains.GetGrain<IMediaGrain>(m.MediaId).GetAsync(m.OwnerId)));
        var marksTask = grains.GetGrain<IEngagementGrain>(viewerId).MarksAsync([.. posts.Select(p => p.PostId)]);
        await Task.WhenAll(authorsTask, mediaTask, marksTask);

        var authors = await authorsTask;
        var mediaById = (await mediaTask).Select(r => r.Media).OfType<MediaInfo>().ToDictionary(m => m.MediaId);
        var marks = await marksTask;
        var options = mediaOptions.Value;
        return [.. posts.Select((post, i) => new PostView(
            PostView.Id(post.PostId),
            authors[post.AuthorId],
            [.. post.MediaIds.Select(mediaById.GetValueOrDefault).OfType<MediaInfo>().Select(m => MediaView.From(m, key => MediaFiles.PublicUrl(request, options, key)))],
            post.Caption,
            post.Hashtags,
            post.Mentions,
            post.Location is { } place ? new LocationBody(place.Latitude, place.Longitude, place.Name) : null,
            post.LikeCount,
            post.CommentCount,
            marks[i].Liked,
            marks[i].Saved,
            PostView.StatusName(post.Status),
            post.CreatedAt))];
    }

    /// <summary>Authors as lists show them, each asked once.</summary>
    public async Task<IReadOnlyDictionary<long, AuthorView>> AuthorsAsync(IReadOnlyCollection<long> authorIds, HttpRequest request)
    {
        var profiles = await Task.WhenAll(authorIds.Select(id => grains.GetGrain<IUserGrain>(id).GetProfileAsync()));
        var urls = await avatars.UrlsAsync(profiles.OfType<UserProfile>().Select(p => (p.UserId, p.AvatarMediaId)), request);
        return authorIds.Zip(profiles).ToDictionary(
            pair => pair.First,
            pair => new AuthorView(PostView.Id(pair.First), pair.Second?.Username ?? string.Empty, urls.GetValueOrDefault(pair.First)));
    }
}
