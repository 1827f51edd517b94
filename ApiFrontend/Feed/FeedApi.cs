using System.Diagnostics;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Posts;
using Instagram.Grains.Feed;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Instagram.ApiFrontend.Feed;

/// <summary>The home feed under /api/v1/feed: the caller's timeline merged with followed celebrities' outboxes, hydrated.</summary>
public static class FeedApi
{
    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/feed").WithTags("Feed").RequireAuthorization()
            .MapGet("/", GetFeedAsync).WithName("GetFeed").WithSummary("The caller's home feed, newest first, with a cursor that is stable while new posts arrive.");
        return app;
    }

    private static async Task<Results<PostListResult, ProblemHttpResult>> GetFeedAsync(
        HttpContext http, string? cursor, string? limit, IGrainFactory grains, PostReader reader, ApiMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        if (!PageRequest.TryParse(cursor, limit, out var page, out var problem))
        {
            return ApiProblem.Malformed(problem);
        }

        var viewerId = http.User.UserId();
        var entries = await grains.GetGrain<ITimelineGrain>(viewerId).GetPageAsync(page.After, page.Limit);

        // A timeline holds only posts of authors its owner follows unblocked (it drops an author's posts on unfollow
        // or block, and refuses late pushes), so no author needs checking; deleted posts drop out in hydration.
        var posts = await reader.ViewAllAsync([.. entries.Items.Select(e => e.PostId)], viewerId, AuthorCheck.Done, http.Request);
        metrics.FeedRead(Stopwatch.GetElapsedTime(started));
        return new PostListResult(posts, entries.Next?.Encode(), entries.Next is not null);
    }
}
