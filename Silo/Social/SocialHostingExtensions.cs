using Instagram.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;
using Runtime.Storage.Relational;

namespace Instagram.Silo.Social;

public static class SocialHostingExtensions
{
    /// <summary>Users and the follow graph: their tables in <paramref name="database"/> and the stores user grains use.</summary>
    public static ISiloBuilder AddSocialGraph(this ISiloBuilder silo, DatabaseSpec database)
    {
        silo.AddApplicationSchema(database, SocialSchema.Component, SocialSchema.For);
        silo.Services.AddSingleton<IUserStore>(services => new RelationalUserStore(services.GetRequiredService<DatabaseRegistry>().Get(database)));
        silo.Services.AddSingleton<IFollowGraph>(services => new RelationalFollowGraph(services.GetRequiredService<DatabaseRegistry>().Get(database)));
        return silo;
    }
}
