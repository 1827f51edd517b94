using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.Users;
using Instagram.Grains.Media;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Orleans;

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
/// once. Published posts come rendered from <see cref="PostCards"/>; the rest of a page — posts, their
/// distinct authors and avatars, media — is read with every grain call of the page in parallel, and the
/// viewer's likes and saves in one call alongside.
/// </summary>
public sealed class PostReader(IGrainFactory grains, AvatarUrls avatars, PostCards cards, IOptions<MediaOptions> mediaOptions, ApiMetrics metrics)
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
        await ViewAllAsync([postId], viewerId, AuthorCheck.EachAuthor, request) is [var post] ? post.View : null;

    /// <summary>Posts in the order given, those the viewer may not see (or that vanished) left out.</summary>
    public async Task<IReadOnlyList<RenderedPost>> ViewAllAsync(IReadOnlyList<long> postIds, long viewerId, AuthorCheck check, HttpRequest request)
    {
        if (postIds.Count == 0)
        {
            return [];
        }

        var marksTask = grains.GetGrain<IEngagementGrain>(viewerId).MarksAsync([.. postIds]);
        var publicBase = MediaFiles.PublicBase(request, mediaOptions.Value);
        var found = new PostCard?[postIds.Count];
        var missing = new List<int>();
        for (var i = 0; i < postIds.Count; i++)
        {
            if ((found[i] = cards.Find(postIds[i], publicBase)) is null)
            {
                missing.Add(i);
            }
        }

        metrics.PostCards(hits: postIds.Count - missing.Count, misses: missing.Count);
        if (missing.Count > 0)
        {
            await RenderAsync(postIds, missing, found, publicBase, request);
        }

        var marks = await marksTask;
        var visible = new List<RenderedPost>(postIds.Count);
        for (var i = 0; i < postIds.Count; i++)
        {
            if (found[i] is { } card && (card.Post.Status == PostStatus.Published || card.Post.AuthorId == viewerId))
            {
                visible.Add(new RenderedPost(card, marks[i]));
            }
        }

        if (check == AuthorCheck.EachAuthor)
        {
            var authors = visible.Select(p => p.Card.Post.AuthorId).Where(id => id != viewerId).Distinct().ToList();
            var allowed = await Task.WhenAll(authors.Select(id => grains.GetGrain<IUserGrain>(id).CanSeeContentAsync(viewerId)));
            var hidden = authors.Where((_, i) => !allowed[i]).ToHashSet();
            visible.RemoveAll(p => hidden.Contains(p.Card.Post.AuthorId));
        }

        return visible;
    }

    /// <summary>Authors as lists show them, each asked once.</summary>
    public async Task<IReadOnlyDictionary<long, AuthorView>> AuthorsAsync(IReadOnlyCollection<long> authorIds, HttpRequest request) =>
        (await FetchAuthorsAsync(authorIds, request)).ToDictionary(pair => pair.Key, pair => pair.Value.View);

    /// <summary>
    /// Renders the posts at <paramref name="missing"/> from their grains into <paramref name="found"/> (null for
    /// a post that does not exist) and keeps those whose rendering cannot change without a reported change:
    /// published posts (their media are ready, and ready media never change) of authors whose avatar is settled.
    /// </summary>
    private async Task RenderAsync(IReadOnlyList<long> postIds, List<int> missing, PostCard?[] found, string publicBase, HttpRequest request)
    {
        // Versions before sources: a change after this point leaves the card's version behind.
        var postVersions = missing.Select(i => cards.PostVersion(postIds[i])).ToArray();
        var read = await Task.WhenAll(missing.Select(i => grains.GetGrain<IPostGrain>(postIds[i]).GetAsync()));
        var posts = read.OfType<PostInfo>().ToList();
        if (posts.Count == 0)
        {
            return;
        }

        var authorIds = posts.Select(p => p.AuthorId).Distinct().ToList();
        var authorVersions = authorIds.ToDictionary(id => id, cards.AuthorVersion);
        var authorsTask = FetchAuthorsAsync(authorIds, request);
        var media = posts.SelectMany(p => p.MediaIds.Select(id => (MediaId: id, OwnerId: p.AuthorId))).Distinct().ToList();
        var mediaTask = Task.WhenAll(media.Select(m => grains.GetGrain<IMediaGrain>(m.MediaId).GetAsync(m.OwnerId)));
        var taggedTask = TaggedUsersAsync(posts.SelectMany(p => p.TaggedUserIds).Distinct().ToList());
        await Task.WhenAll(authorsTask, mediaTask, taggedTask);

        var authors = await authorsTask;
        var mediaById = (await mediaTask).Select(r => r.Media).OfType<MediaInfo>().ToDictionary(m => m.MediaId);
        var taggedById = await taggedTask;
        var options = mediaOptions.Value;
        for (var k = 0; k < missing.Count; k++)
        {
            if (read[k] is not { } post)
            {
                continue;
            }

            var author = authors[post.AuthorId];
            var postMedia = post.MediaIds.Select(mediaById.GetValueOrDefault).OfType<MediaInfo>().ToList();
            var view = new PostView(
                PostView.Id(post.PostId),
                author.View,
                [.. postMedia.Select(m => MediaView.From(m, key => MediaFiles.PublicUrl(request, options, key)))],
                post.Caption,
                post.Hashtags,
                post.Mentions,
                post.Location is { } place ? new LocationBody(place.Latitude, place.Longitude, place.Name) : null,
                [.. post.TaggedUserIds.Select(taggedById.GetValueOrDefault).OfType<TaggedUserView>()],
                post.LikeCount,
                post.CommentCount,
                LikedByMe: false,
                SavedByMe: false,
                PostView.StatusName(post.Status),
                post.CreatedAt);
            var card = new PostCard(post, view, publicBase, postVersions[k], authorVersions[post.AuthorId]);
            found[missing[k]] = card;
            if (post.Status == PostStatus.Published && author.Settled && postMedia.Count == post.MediaIds.Length)
            {
                cards.Keep(card);
            }
        }
    }

    /// <summary>The tagged users that still exist, by ID (a deleted account drops out of its tags).</summary>
    private async Task<Dictionary<long, TaggedUserView>> TaggedUsersAsync(IReadOnlyList<long> userIds)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var profiles = await Task.WhenAll(userIds.Select(id => grains.GetGrain<IUserGrain>(id).GetProfileAsync()));
        return profiles.OfType<UserProfile>().ToDictionary(p => p.UserId, p => new TaggedUserView(PostView.Id(p.UserId), p.Username));
    }

    /// <summary>
    /// Authors as lists show them, each asked once. An author is settled unless their avatar is still being
    /// processed: its URL appears when the media item is ready, which the author's grain does not hear of.
    /// </summary>
    private async Task<Dictionary<long, (AuthorView View, bool Settled)>> FetchAuthorsAsync(IReadOnlyCollection<long> authorIds, HttpRequest request)
    {
        var profiles = await Task.WhenAll(authorIds.Select(id => grains.GetGrain<IUserGrain>(id).GetProfileAsync()));
        var avatarUrls = await avatars.ResolveAllAsync(profiles.OfType<UserProfile>().Select(p => (p.UserId, p.AvatarMediaId)), request);
        return authorIds.Zip(profiles).ToDictionary(
            pair => pair.First,
            pair =>
            {
                var avatar = avatarUrls.GetValueOrDefault(pair.First);
                var view = new AuthorView(PostView.Id(pair.First), pair.Second?.Username ?? string.Empty, avatar.Url);
                return (view, pair.Second is not null && avatar.IsFinal);
            });
    }
}
