using Instagram.ApiFrontend.Accounts;
using Instagram.ApiFrontend.Feed;
using Instagram.ApiFrontend.Idempotency;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.Posts;
using Instagram.ApiFrontend.RateLimits;
using Instagram.ApiFrontend.Users;
using Instagram.Silo.Hosting;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>The API's areas, each one folder with one pair of extension methods: the table of contents of /api/v1.</summary>
public static class ApiAreas
{
    public static IHostApplicationBuilder AddApiAreas(this IHostApplicationBuilder builder)
    {
        builder.AddIdempotency();
        builder.Services
            .AddRateLimits()
            .AddAccountsApi()
            .AddUsersApi()
            .AddMediaApi()
            .AddPostsApi();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiAreas(this IEndpointRouteBuilder app)
    {
        app.MapHealthEndpoints();
        app.MapAccountsApi();
        app.MapSessionsApi();
        app.MapUsersApi();
        app.MapFollowApi();
        app.MapMediaApi();
        app.MapPostsApi();
        app.MapPostListsApi();
        app.MapFeedApi();
        return app;
    }
}
