using Instagram.Grains.DurableWork;
using Instagram.Grains.Identity;
using Instagram.Silo.Feed;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Posts;
using Instagram.Silo.Social;
using Instagram.Silo.Storage;
using Instagram.Silo.Storage.Postgres;
using Instagram.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Instagram.Silo.Hosting;

public static class InstagramSiloExtensions
{
    /// <summary>
    /// Hosts an Orleans silo in this process: the domain's grains, their stores, all durable data (grain
    /// state, reminders, the domain's tables) in the database chosen by the <c>Storage</c> section, the media
    /// pipeline, and the "ready" health check behind /readyz. Used alike by the standalone silo and by the
    /// API frontend in embedded mode.
    /// </summary>
    public static IHostApplicationBuilder AddInstagramSilo(this IHostApplicationBuilder builder)
    {
        var storageOptions = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var storage = StorageChoice.From(storageOptions);
        var orleans = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();

        // Decided once: whatever else needs the data directory reads it from here, resolved.
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(_ => storage.Open());
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Registered before the silo so it starts (and logs) before the database is migrated.
        builder.Services.AddHostedService<StorageChoiceLogger>();

        // The database's components, migrated in this order before the silo starts: Orleans' tables first.
        builder.Services.AddSingleton(new DatabaseSchema(
            "orleans",
            dialect => dialect == "postgres" ? PostgresOrleansSchema.Migrations : SqliteOrleansSchema.Migrations));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DatabaseMigrations>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PendingWorkRecovery>();
        builder.Services.AddSingleton<PendingWorkReminder>();
        builder.Services
            .AddSocialGraph()
            .AddPosts()
            .AddFeeds(builder.Configuration)
            .AddMediaJobs(builder.Configuration);

        // One ID generator per process (grains make comment IDs; the frontend, media and post IDs).
        builder.Services.TryAddSingleton(services => new SnowflakeIdGenerator(
            services.GetRequiredService<TimeProvider>(),
            builder.Configuration.GetValue("Ids:Node", 0)));
        builder.AddMediaPipeline(storage.DataDirectory);
        builder.UseOrleans(silo => silo.UseInstagramStorage(storage, orleans));
        builder.Services.AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BlobStoreReadinessCheck>("media-blobs", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
