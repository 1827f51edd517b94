using Instagram.Grains.Feed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;
using Runtime.Storage.Relational;

namespace Instagram.Silo.Feed;

public static class FeedHostingExtensions
{
    /// <summary>The home feed: settings from the <c>Feed</c> section and the queries feed grains make.</summary>
    public static ISiloBuilder AddFeeds(this ISiloBuilder silo, DatabaseSpec database, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Feed").Get<FeedSettings>() ?? new FeedSettings();
        if (settings.CelebrityThreshold < 1 || settings.TimelineCapacity < 1)
        {
            throw new InvalidOperationException("Feed:CelebrityThreshold and Feed:TimelineCapacity must be positive.");
        }

        silo.Services.AddSingleton(settings);
        silo.Services.AddSingleton<IFeedStore>(services => new RelationalFeedStore(services.GetRequiredService<DatabaseRegistry>().Get(database)));
        return silo;
    }
}
