using Instagram.Grains.DurableWork;
using Instagram.Grains.Identity;
using Instagram.Silo.Feed;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Operations;
using Instagram.Silo.Posts;
using Instagram.Silo.Social;
using Instagram.Silo.Storage;
using Instagram.Silo.Storage.Postgres;
using Instagram.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace Instagram.Silo.Hosting;

public static class InstagramSiloExtensions
{
    /// <summary>
    /// Hosts an Orleans silo in this process: the domain's grains and services (<see cref="AddInstagramSiloServices"/>),
    /// clustering and storage in the database chosen by the <c>Storage</c> section, and the "ready" health check
    /// behind /readyz. Used alike by the standalone silo and by the API frontend in embedded mode.
    /// </summary>
    public static IHostApplicationBuilder AddInstagramSilo(this IHostApplicationBuilder builder)
    {
        var storageOptions = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var storage = StorageChoice.From(storageOptions);
        var orleans = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();

        // Registered before the silo so it starts (and logs) before the database is migrated.
        builder.Services.AddHostedService<StorageChoiceLogger>();
        builder.Services.AddInstagramSiloServices(builder.Configuration, storage);
        var operators = builder.AddOperatorServices();
        builder.UseOrleans(silo =>
        {
            silo.UseInstagramClustering(storage, orleans).UseInstagramStorage(storage);
            if (operators.Enabled)
            {
                // Only when someone can open it: even unwatched, its grain call filter times every call.
                silo.AddDashboard();
            }
        });
        builder.Services.AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BlobStoreReadinessCheck>("media-blobs", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// What a silo needs besides Orleans' own providers: the database and its schemas (migrated by the silo's
    /// first lifecycle stage), the stores behind the grains' ports, the media pipeline, the feed settings, the
    /// ID generator and the resumption of unfinished work at start-up. A test cluster's silos get exactly this.
    /// </summary>
    public static IServiceCollection AddInstagramSiloServices(this IServiceCollection services, IConfiguration configuration, StorageChoice storage)
    {
        // Decided once: whatever else needs the data directory reads it from here, resolved.
        services.AddSingleton(storage);
        services.AddSingleton(_ => storage.Open());
        services.TryAddSingleton(TimeProvider.System);

        // The database's components, migrated in this order before the silo starts: Orleans' tables first.
        services.AddSingleton(new DatabaseSchema(
            "orleans",
            dialect => dialect == "postgres" ? PostgresOrleansSchema.Migrations : SqliteOrleansSchema.Migrations));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DatabaseMigrations>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PendingWorkRecovery>();
        services.AddSingleton<PendingWorkReminder>();
        services
            .AddSocialGraph()
            .AddPosts()
            .AddFeeds(configuration)
            .AddMediaJobs(configuration)
            .AddMediaPipeline(configuration, storage.DataDirectory);

        // One ID generator per process (grains make comment IDs; the frontend, media and post IDs).
        services.TryAddSingleton(provider => new SnowflakeIdGenerator(
            provider.GetRequiredService<TimeProvider>(),
            configuration.GetValue("Ids:Node", 0)));
        return services;
    }
}
