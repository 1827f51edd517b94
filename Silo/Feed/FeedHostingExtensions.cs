using Instagram.Grains.Feed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Instagram.Silo.Feed;

public static class FeedHostingExtensions
{
    /// <summary>The home feed: settings from the <c>Feed</c> section, the queries feed grains make, the fan-out's metrics.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Feed").Get<FeedSettings>() ?? new FeedSettings();
        if (settings.CelebrityThreshold < 1 || settings.TimelineCapacity < 1)
        {
            throw new InvalidOperationException("Feed:CelebrityThreshold and Feed:TimelineCapacity must be positive.");
        }

        services.AddSingleton(settings);
        services.AddSingleton<IFeedStore, RelationalFeedStore>();
        services.AddSingleton<FanoutMetrics>();
        return services;
    }
}
