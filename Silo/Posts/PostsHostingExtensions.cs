using Instagram.Grains.Posts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Runtime.Hosting;
using Runtime.Streams;

namespace Instagram.Silo.Posts;

public static class PostsHostingExtensions
{
    /// <summary>Posts, likes, comments and saves: their tables in <paramref name="database"/> and the store post grains use.</summary>
    public static ISiloBuilder AddPosts(this ISiloBuilder silo, DatabaseSpec database)
    {
        silo.AddApplicationSchema(database, PostsSchema.Component, PostsSchema.For);
        // The "Default" stream provider's outbox is in the same database: publications and their fan-out events commit together.
        silo.Services.AddSingleton<IPostStore>(services => new RelationalPostStore(services.GetRequiredKeyedService<ITransactionalOutbox>("Default")));

        // The frontend replaces this with its post cache when it hosts the silo.
        silo.Services.TryAddSingleton<IRenderedViews, NoRenderedViews>();
        return silo;
    }
}
