using Instagram.Grains.Posts;
using Instagram.Silo.Hosting;
using Instagram.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Instagram.Silo.Posts;

public static class PostsHostingExtensions
{
    /// <summary>Posts, likes, comments and saves: their tables and the store post grains use.</summary>
    public static IServiceCollection AddPosts(this IServiceCollection services)
    {
        services.AddSingleton(new DatabaseSchema(PostsSchema.Component, PostsSchema.For));
        services.AddSingleton<RelationalPostStore>();
        services.AddSingleton<IPostStore>(provider => provider.GetRequiredService<RelationalPostStore>());
        services.AddSingleton<IUnfinishedWork, UnsettledPosts>();

        // The frontend replaces this with its post cache when it hosts the silo.
        services.TryAddSingleton<IRenderedViews, NoRenderedViews>();
        return services;
    }
}
