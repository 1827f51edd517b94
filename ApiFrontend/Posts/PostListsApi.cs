using Instagram.ApiFrontend.Accounts;
using Instagram.ApiFrontend.Hosting;
using Instagram.Grains.Paging;
using Instagram.Grains.Posts;
using Instagram.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Instagram.ApiFrontend.Posts;

/// <summary>Lists of posts other than the feed: a profile's grid and the caller's saved posts.</summary>
public static class PostListsApi
{
    public static IEndpointRouteBuilder MapPostListsApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Posts").RequireAuthorization();
        users.MapGet("/me/saved", SavedAsync).WithName("GetSavedPosts").WithSummary("The caller's saved posts, most recently saved first.");
        users.MapGet("/{username}/posts", GridAsync).WithName("GetProfilePosts").WithSummary("A profile's published posts, newest first, with thumbnail URLs.");
        return app;
    }

    private static async Task<Results<PostListResult, ProblemHttpResult>> GridAsync(
        HttpContext http, string username, string? cursor, string? limit, IGrainFactory grains, PostReader reader)
    {
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        var viewerId = http.User.UserId();
        var normalized = AccountRules.NormalizeUsername(username);
        if (!AccountRules.IsValidUsername(normalized)
            || await grains.GetGrain<IUserLookupGrain>(IUserLookupGrain.UsernameKey(normalized)).FindAsync() is not { } authorId
            || await grains.GetGrain<IUserGrain>(authorId).GetProfileForAsync(viewerId) is not { } view)
        {
            return ApiProblem.NotFound("No such user.");
        }

        if (!await grains.GetGrain<IUserGrain>(authorId).CanSeeContentAsync(viewerId))
        {
            return ApiProblem.Forbidden(view.Profile.IsPrivate ? "This account is private: only its approved followers see its posts." : "Not allowed.");
        }

        var ids = await grains.GetGrain<IUserPostsGrain>(authorId).PublishedAsync(page.After, page.Limit);
        return await ListAsync(ids, viewerId, AuthorCheck.Done, http.Request, reader);
    }

    private static async Task<Results<PostListResult, ProblemHttpResult>> SavedAsync(
        HttpContext http, string? cursor, string? limit, IGrainFactory grains, PostReader reader)
    {
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        var viewerId = http.User.UserId();
        var ids = await grains.GetGrain<IUserPostsGrain>(viewerId).SavedAsync(page.After, page.Limit);

        // Saved posts are of any authors, who may have blocked the viewer or gone private since.
        return await ListAsync(ids, viewerId, AuthorCheck.EachAuthor, http.Request, reader);
    }

    private static async Task<PostListResult> ListAsync(Page<long> ids, long viewerId, AuthorCheck check, HttpRequest request, PostReader reader) =>
        new(await reader.ViewAllAsync(ids.Items, viewerId, check, request), ids.Next?.Encode(), ids.Next is not null);
}
