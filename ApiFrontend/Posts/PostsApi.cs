using System.Collections.Immutable;
using System.Globalization;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Idempotency;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Identity;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;

namespace Instagram.ApiFrontend.Posts;

/// <summary>Posts under /api/v1/posts: create from one's own media, read, delete, like, comment, save.</summary>
public static class PostsApi
{
    private const string Tag = "Posts";
    private const int MaxMedia = 10;
    private const int MaxTaggedUsers = 20;
    private const int MaxCommentLength = 2200;
    private const int MaxLocationNameLength = 100;

    public static IServiceCollection AddPostsApi(this IServiceCollection services)
    {
        services.AddOptions<PostCardOptions>().BindConfiguration(PostCardOptions.Section)
            .Validate(options => options.Capacity > 0, "PostCards:Capacity must be positive.").ValidateOnStart();
        services.AddSingleton<PostCards>();
        services.Replace(ServiceDescriptor.Singleton<IRenderedViews>(services => services.GetRequiredService<PostCards>()));
        return services.AddSingleton<PostReader>();
    }

    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/v1/posts").WithTags(Tag).RequireAuthorization();
        posts.MapPost("/", CreateAsync).RequireRateLimit(RateLimitAction.Post).WithIdempotency().WithName("CreatePost").WithSummary("Post 1–10 of one's own media; published once every item is processed.");
        posts.MapGet("/{postId:long}", GetAsync).WithName("GetPost").WithSummary("A post with its author, media, counters and the caller's like and save.");
        posts.MapDelete("/{postId:long}", DeleteAsync).RequireRateLimit(RateLimitAction.Write).WithName("DeletePost").WithSummary("Delete a post (its author only).");
        posts.MapPost("/{postId:long}/like", (HttpContext http, long postId, IGrainFactory grains, PostReader reader) => LikeAsync(http, postId, grains, reader, like: true))
            .RequireRateLimit(RateLimitAction.Like).WithName("LikePost").WithSummary("Like a post. Idempotent.");
        posts.MapDelete("/{postId:long}/like", (HttpContext http, long postId, IGrainFactory grains, PostReader reader) => LikeAsync(http, postId, grains, reader, like: false))
            .RequireRateLimit(RateLimitAction.Write).WithName("UnlikePost").WithSummary("Take a like back. Idempotent.");
        posts.MapGet("/{postId:long}/comments", CommentsAsync).WithName("GetComments").WithSummary("Comments on a post, newest first.");
        posts.MapPost("/{postId:long}/comments", CommentAsync).RequireRateLimit(RateLimitAction.Comment).WithIdempotency().WithName("AddComment").WithSummary("Comment on a post.");
        posts.MapDelete("/{postId:long}/comments/{commentId:long}", DeleteCommentAsync).RequireRateLimit(RateLimitAction.Write).WithName("DeleteComment")
            .WithSummary("Delete a comment (its author or the post's author).");
        posts.MapPost("/{postId:long}/save", (HttpContext http, long postId, IGrainFactory grains, PostReader reader) => SaveAsync(http, postId, grains, reader, save: true))
            .RequireRateLimit(RateLimitAction.Write).WithName("SavePost").WithSummary("Save a post to the caller's collection.");
        posts.MapDelete("/{postId:long}/save", (HttpContext http, long postId, IGrainFactory grains, PostReader reader) => SaveAsync(http, postId, grains, reader, save: false))
            .RequireRateLimit(RateLimitAction.Write).WithName("UnsavePost").WithSummary("Remove a post from the caller's collection.");
        return app;
    }

    private static async Task<Results<Created<PostCreated>, ProblemHttpResult>> CreateAsync(
        HttpContext http,
        CreatePostRequest request,
        SnowflakeIdGenerator ids,
        IGrainFactory grains)
    {
        if (ParseDraft(http.User.UserId(), request, out var problem) is not { } draft)
        {
            return ApiProblem.Invalid(problem);
        }

        if (await FirstUntaggableAsync(draft, grains) is { } stranger)
        {
            return ApiProblem.Invalid($"tagged_users: no user has the ID {PostView.Id(stranger)}.");
        }

        var postId = ids.NextId();
        var created = await grains.GetGrain<IPostGrain>(postId).CreateAsync(draft);
        return created switch
        {
            { Outcome: PostCreateOutcome.Created, Post: { } post } =>
                TypedResults.Created($"/api/v1/posts/{postId}", new PostCreated(PostView.Id(postId), PostView.StatusName(post.Status))),
            { Outcome: PostCreateOutcome.UnusableMedia } => ApiProblem.Invalid("Every media_id must be one of your uploads that has not failed."),
            _ => ApiProblem.Conflict("This post exists already."),
        };
    }

    private static async Task<Results<Ok<PostView>, ProblemHttpResult>> GetAsync(HttpContext http, long postId, PostReader reader) =>
        await reader.ViewAsync(postId, http.User.UserId(), http.Request) is { } view ? TypedResults.Ok(view) : ApiProblem.NotFound("No such post.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext http, long postId, IGrainFactory grains, PostReader reader)
    {
        var requesterId = http.User.UserId();
        if (await reader.FindVisibleAsync(postId, requesterId) is null)
        {
            return ApiProblem.NotFound("No such post.");
        }

        return await grains.GetGrain<IPostGrain>(postId).DeleteAsync(requesterId) switch
        {
            PostAccess.Done => TypedResults.NoContent(),
            PostAccess.Forbidden => ApiProblem.Forbidden("Only the author may delete a post."),
            _ => ApiProblem.NotFound("No such post."),
        };
    }

    private static async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> LikeAsync(HttpContext http, long postId, IGrainFactory grains, PostReader reader, bool like)
    {
        var userId = http.User.UserId();
        if (await reader.FindVisibleAsync(postId, userId) is null)
        {
            return ApiProblem.NotFound("No such post.");
        }

        var engagement = grains.GetGrain<IEngagementGrain>(userId);
        var state = like ? await engagement.LikeAsync(postId) : await engagement.UnlikeAsync(postId);
        return state is null ? ApiProblem.NotFound("No such post.") : TypedResults.Ok(new LikeResponse(state.Liked, state.LikeCount));
    }

    private static async Task<Results<Ok<CommentListResponse>, ProblemHttpResult>> CommentsAsync(
        HttpContext http, long postId, string? cursor, string? limit, IGrainFactory grains, PostReader reader)
    {
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        if (await reader.FindVisibleAsync(postId, http.User.UserId()) is null)
        {
            return ApiProblem.NotFound("No such post.");
        }

        var comments = await grains.GetGrain<IPostGrain>(postId).GetCommentsAsync(page.After, page.Limit);
        var authors = await reader.AuthorsAsync([.. comments.Items.Select(c => c.AuthorId).Distinct()], http.Request);
        var views = comments.Items.Select(c => CommentView.From(c, authors[c.AuthorId])).ToList();
        return TypedResults.Ok(new CommentListResponse(views, comments.Next?.Encode(), comments.Next is not null));
    }

    private static async Task<Results<Created<CommentView>, ProblemHttpResult>> CommentAsync(
        HttpContext http, long postId, CommentRequest request, IGrainFactory grains, PostReader reader)
    {
        var text = request.Text?.Trim();
        if (text is not { Length: > 0 and <= MaxCommentLength } || !TextRules.IsMultiLine(text))
        {
            return ApiProblem.Invalid($"text must be 1–{MaxCommentLength} characters, without control characters other than line breaks.");
        }

        var userId = http.User.UserId();
        if (await reader.FindVisibleAsync(postId, userId) is null
            || await grains.GetGrain<IPostGrain>(postId).AddCommentAsync(userId, text) is not { } comment)
        {
            return ApiProblem.NotFound("No such post.");
        }

        var authors = await reader.AuthorsAsync([userId], http.Request);
        return TypedResults.Created($"/api/v1/posts/{postId}/comments/{comment.CommentId}", CommentView.From(comment, authors[userId]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCommentAsync(HttpContext http, long postId, long commentId, IGrainFactory grains, PostReader reader)
    {
        var userId = http.User.UserId();
        if (await reader.FindVisibleAsync(postId, userId) is null)
        {
            return ApiProblem.NotFound("No such post.");
        }

        return await grains.GetGrain<IPostGrain>(postId).DeleteCommentAsync(userId, commentId) switch
        {
            PostAccess.Done => TypedResults.NoContent(),
            PostAccess.Forbidden => ApiProblem.Forbidden("Only the comment's author or the post's author may delete it."),
            _ => ApiProblem.NotFound("No such comment."),
        };
    }

    private static async Task<Results<Ok<SaveResponse>, ProblemHttpResult>> SaveAsync(HttpContext http, long postId, IGrainFactory grains, PostReader reader, bool save)
    {
        var userId = http.User.UserId();
        return await reader.FindVisibleAsync(postId, userId) is not null && await grains.GetGrain<IEngagementGrain>(userId).SaveAsync(postId, save)
            ? TypedResults.Ok(new SaveResponse(save))
            : ApiProblem.NotFound("No such post.");
    }

    /// <summary>
    /// A tagged user the author cannot tag: one that does not exist, or that either blocked the other (to the
    /// author, a user that does not exist, as everywhere).
    /// </summary>
    private static async Task<long?> FirstUntaggableAsync(PostDraft draft, IGrainFactory grains)
    {
        var profiles = await Task.WhenAll(draft.TaggedUserIds.Select(id => grains.GetGrain<IUserGrain>(id).GetProfileForAsync(draft.AuthorId)));
        var index = Array.FindIndex(profiles, profile => profile is null);
        return index < 0 ? null : draft.TaggedUserIds[index];
    }

    /// <summary>The draft, or null with the reason it is not acceptable.</summary>
    private static PostDraft? ParseDraft(long authorId, CreatePostRequest request, out string problem)
    {
        problem = string.Empty;
        var mediaIds = ParseIds(request.MediaIds);
        if (mediaIds is not { Length: >= 1 and <= MaxMedia } || mediaIds.Value.Distinct().Count() != mediaIds.Value.Length)
        {
            problem = $"media_ids must list 1–{MaxMedia} distinct media IDs.";
            return null;
        }

        var caption = request.Caption ?? string.Empty;
        if (caption.Length > CaptionParser.MaxCaptionLength || !TextRules.IsMultiLine(caption))
        {
            problem = $"caption must be at most {CaptionParser.MaxCaptionLength} characters, without control characters other than line breaks.";
            return null;
        }

        if (CaptionParser.Hashtags(caption).Length > CaptionParser.MaxHashtags)
        {
            problem = $"A caption may carry at most {CaptionParser.MaxHashtags} hashtags.";
            return null;
        }

        if (CaptionParser.Mentions(caption).Length > CaptionParser.MaxMentions)
        {
            problem = $"A caption may mention at most {CaptionParser.MaxMentions} accounts.";
            return null;
        }

        PostLocation? location = null;
        if (request.Location is { } place)
        {
            if (place is not { Lat: >= -90 and <= 90, Lng: >= -180 and <= 180, Name.Length: > 0 and <= MaxLocationNameLength } || !TextRules.IsSingleLine(place.Name))
            {
                problem = $"location needs lat (−90…90), lng (−180…180) and a name of 1–{MaxLocationNameLength} characters.";
                return null;
            }

            location = new PostLocation(place.Lat.Value, place.Lng.Value, place.Name.Trim());
        }

        var tagged = ParseIds(request.TaggedUsers ?? []);
        if (tagged is null)
        {
            problem = "tagged_users must list user IDs: strings of digits, as user_id is everywhere.";
            return null;
        }

        if (tagged.Value.Distinct().Count() > MaxTaggedUsers)
        {
            problem = $"tagged_users may list at most {MaxTaggedUsers} users.";
            return null;
        }

        return new PostDraft(authorId, mediaIds.Value, caption, location, [.. tagged.Value.Distinct()]);
    }

    private static ImmutableArray<long>? ParseIds(IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            return null;
        }

        var parsed = ImmutableArray.CreateBuilder<long>(ids.Count);
        foreach (var id in ids)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            parsed.Add(value);
        }

        return parsed.MoveToImmutable();
    }
}
