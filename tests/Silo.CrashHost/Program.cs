// The product's silo in a process of its own, for tests that kill it with SIGKILL in the middle of some
// work and restart it on the same data directory (INSTAGRAM_DATA_DIR, as for the product).
//   media-submit <file> <media id> <owner id>   stores the file as an upload, submits it, keeps running
//   media-await <media id> <owner id>           runs until the media settles, prints it, exits
//   fanout-seed <followers>                     an author and their followers, every timeline stored; exits
//   fanout-publish <post id>                    publishes a post by the author, keeps running
//   fanout-await <followers> <post id>          runs until every timeline has the post (or a minute), prints the count, exits
//   sqlite-after-vips                           starts libvips, then makes SQLite checkpoint its WAL; exits
// Log lines and the commands' reports go to stdout; tests read them to time their kill.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Instagram.Silo.Hosting;
using Silo.CrashHost;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
builder.Configuration.AddEnvironmentVariables(); // settings such as Feed__CelebrityThreshold, as an operator gives them
builder.Logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Instagram.Silo.Media.Processing", LogLevel.Information);
builder.AddInstagramSilo();
using var host = builder.Build();
await host.StartAsync();

await (args[0] switch
{
    "media-submit" => MediaCommands.SubmitAsync(host, args[1..]),
    "media-await" => MediaCommands.AwaitAsync(host, args[1..]),
    "fanout-seed" => FanoutCommands.SeedAsync(host, args[1..]),
    "fanout-publish" => FanoutCommands.PublishAsync(host, args[1..]),
    "fanout-await" => FanoutCommands.AwaitAsync(host, args[1..]),
    "sqlite-after-vips" => SqliteCommands.CheckpointAfterVipsAsync(host),
    _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
});
