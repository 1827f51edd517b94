using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Instagram.ApiFrontend.Users;

/// <summary>
/// The follow graph over HTTP: follow, unfollow, follower and following lists, follow requests of private
/// accounts, blocks. Every change is made by the caller's own user grain; lists are paged from the database.
/// </summary>
public static class FollowApi
{
    private const string Tag = "Follow graph";

    public static IEndpointRouteBuilder MapFollowApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users/{userId:long}").WithTags(Tag).RequireAuthorization();
        users.MapPost("/follow", FollowAsync).RequireRateLimit(RateLimitAction.Follow)
            .WithName("Follow").WithSummary("Follow a user (or ask to, if the account is private). Idempotent.");
        users.MapDelete("/follow", UnfollowAsync).RequireRateLimit(RateLimitAction.Write).WithName("Unfollow").WithSummary("Stop following a user, or withdraw a follow request.");
        users.MapGet("/followers", FollowersAsync).WithName("GetFollowers").WithSummary("Who follows a user, newest first.");
        users.MapGet("/following", FollowingAsync).WithName("GetFollowing").WithSummary("Whom a user follows, newest first.");
        users.MapPost("/block", BlockAsync).RequireRateLimit(RateLimitAction.Write).WithName("Block").WithSummary("Block a user: follows both ways end, and neither sees the other.");
        users.MapDelete("/block", UnblockAsync).RequireRateLimit(RateLimitAction.Write).WithName("Unblock").WithSummary("Lift a block.");

        var requests = app.MapGroup("/api/v1/follow-requests").WithTags(Tag).RequireAuthorization();
        requests.MapGet("/", FollowRequestsAsync).WithName("GetFollowRequests").WithSummary("Users waiting for the caller's approval, newest first.");
        requests.MapPost("/{userId:long}/approve", ApproveAsync).RequireRateLimit(RateLimitAction.Write).WithName("ApproveFollowRequest").WithSummary("Let a user follow the caller.");
        requests.MapPost("/{userId:long}/deny", DenyAsync).RequireRateLimit(RateLimitAction.Write).WithName("DenyFollowRequest").WithSummary("Turn down a follow request.");
        return app;
    }

    private static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> FollowAsync(HttpContext http, long userId, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IUserGrain>(http.User.UserId()).FollowAsync(userId));

    private static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> UnfollowAsync(HttpContext http, long userId, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IUserGrain>(http.User.UserId()).UnfollowAsync(userId));

    private static Task<Results<Ok<UserListResponse>, ProblemHttpResult>> FollowersAsync(
        HttpContext http, long userId, string? cursor, string? limit, IGrainFactory grains, AvatarUrls avatars) =>
        ListAsync(http, userId, cursor, limit, grains, avatars, (user, page) => user.GetFollowersAsync(page.After, page.Limit));

    private static Task<Results<Ok<UserListResponse>, ProblemHttpResult>> FollowingAsync(
        HttpContext http, long userId, string? cursor, string? limit, IGrainFactory grains, AvatarUrls avatars) =>
        ListAsync(http, userId, cursor, limit, grains, avatars, (user, page) => user.GetFollowingAsync(page.After, page.Limit));

    private static async Task<Results<Ok<UserListResponse>, ProblemHttpResult>> FollowRequestsAsync(
        HttpContext http, string? cursor, string? limit, IGrainFactory grains, AvatarUrls avatars)
    {
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        var requests = await grains.GetGrain<IUserGrain>(http.User.UserId()).GetFollowRequestsAsync(page.After, page.Limit);
        return TypedResults.Ok(await UserListResponse.FromAsync(requests, avatars, http.Request));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ApproveAsync(HttpContext http, long userId, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(http.User.UserId()).ApproveFollowerAsync(userId)
            ? TypedResults.NoContent()
            : ApiProblem.NotFound("This user has no pending request to follow you.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DenyAsync(HttpContext http, long userId, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(http.User.UserId()).DenyFollowerAsync(userId)
            ? TypedResults.NoContent()
            : ApiProblem.NotFound("This user has no pending request to follow you.");

    private static async Task<Results<NoContent, ProblemHttpResult>> BlockAsync(HttpContext http, long userId, IGrainFactory grains) =>
        AnswerEmpty(await grains.GetGrain<IUserGrain>(http.User.UserId()).BlockAsync(userId));

    private static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(HttpContext http, long userId, IGrainFactory grains) =>
        AnswerEmpty(await grains.GetGrain<IUserGrain>(http.User.UserId()).UnblockAsync(userId));

    /// <summary>
    /// A user's followers or following: not for anyone either side blocked (404, as if the user did not
    /// exist), and for a private account only for approved followers and the owner (403).
    /// </summary>
    private static async Task<Results<Ok<UserListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext http,
        long userId,
        string? cursor,
        string? limit,
        IGrainFactory grains,
        AvatarUrls avatars,
        Func<IUserGrain, PageRequest, Task<Grains.Paging.Page<UserSummary>>> list)
    {
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        var viewerId = http.User.UserId();
        var user = grains.GetGrain<IUserGrain>(userId);
        if (await user.GetProfileForAsync(viewerId) is not { } view)
        {
            return ApiProblem.NotFound("No such user.");
        }

        if (view.Profile.IsPrivate && viewerId != userId && !view.Relationship.IsFollowing)
        {
            return ApiProblem.Forbidden("This account is private: only its approved followers see its connections.");
        }

        return TypedResults.Ok(await UserListResponse.FromAsync(await list(user, page), avatars, http.Request));
    }

    private static Results<Ok<FollowResponse>, ProblemHttpResult> Answer(FollowResult result) => result switch
    {
        { Outcome: GraphOutcome.Done, State: { } state } => TypedResults.Ok(FollowResponse.From(state)),
        { Outcome: GraphOutcome.Invalid } => ApiProblem.Invalid("You cannot follow or unfollow yourself."),
        _ => ApiProblem.NotFound("No such user."),
    };

    private static Results<NoContent, ProblemHttpResult> AnswerEmpty(GraphOutcome outcome) => outcome switch
    {
        GraphOutcome.Done => TypedResults.NoContent(),
        GraphOutcome.Invalid => ApiProblem.Invalid("You cannot block or unblock yourself."),
        _ => ApiProblem.NotFound("No such user."),
    };
}
