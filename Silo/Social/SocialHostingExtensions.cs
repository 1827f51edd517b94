using Instagram.Grains.Users;
using Instagram.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Instagram.Silo.Social;

public static class SocialHostingExtensions
{
    /// <summary>Users and the follow graph: their tables and the stores user grains use.</summary>
    public static IServiceCollection AddSocialGraph(this IServiceCollection services)
    {
        services.AddSingleton(new DatabaseSchema(SocialSchema.Component, SocialSchema.For));
        services.AddSingleton<IUserStore, RelationalUserStore>();
        services.AddSingleton<IFollowGraph, RelationalFollowGraph>();
        return services;
    }
}
