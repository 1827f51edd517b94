using Instagram.Grains;
using Instagram.Grains.Identity;
using Instagram.Silo.Feed;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Posts;
using Instagram.Silo.Social;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Runtime.Hosting;

namespace Instagram.Silo.Hosting;

public static class InstagramSiloExtensions
{
    /// <summary>
    /// Hosts a silo in this process: the domain's grains, all durable data (state, reminders, streams, the
    /// media table) in the database chosen by the <c>Storage</c> section, the media pipeline, and the
    /// "ready" health check behind /readyz.
    /// Used alike by the standalone silo and by the API frontend in embedded mode.
    /// </summary>
    public static IHostApplicationBuilder AddInstagramSilo(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var storage = StorageChoice.From(options);

        // Decided once: whatever else needs the data directory reads it from here, resolved.
        builder.Services.AddSingleton(storage);

        // Registered before the silo so it starts (and logs) before the database is migrated.
        builder.Services.AddHostedService<StorageChoiceLogger>();
        builder.Services.AddSilo(silo => silo
            .AddGrains(GrainsAssembly.Assembly)
            .UseDatabase(storage.Database)
            .AddMediaJobs(storage.Database, builder.Configuration)
            .AddSocialGraph(storage.Database)
            .AddPosts(storage.Database)
            .AddFeeds(storage.Database, builder.Configuration));

        // One ID generator per process (grains make comment IDs; the frontend, media and post IDs).
        builder.Services.TryAddSingleton(services => new SnowflakeIdGenerator(
            services.GetRequiredService<TimeProvider>(),
            builder.Configuration.GetValue("Ids:Node", 0)));
        builder.AddMediaPipeline(storage.DataDirectory);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BlobStoreReadinessCheck>("media-blobs", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
