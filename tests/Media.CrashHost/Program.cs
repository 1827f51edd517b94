// Usage: Media.CrashHost submit <file> <media id> <owner id>   stores the file as an upload, submits it, keeps running
//        Media.CrashHost await <media id> <owner id>           keeps running until the media settles, prints it, exits
// The data directory comes from INSTAGRAM_DATA_DIR, as for the product. The pipeline's log lines go to
// stdout ("Processing media …", "Media … processed …"), and the test reads them to time its kill.
using System.Globalization;
using System.Text.Json;
using Instagram.Grains.Media;
using Instagram.Silo.Hosting;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
builder.Logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Instagram.Silo.Media.Processing", LogLevel.Information);
builder.AddInstagramSilo();
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

switch (args[0])
{
    case "submit":
    {
        var (file, mediaId, ownerId) = (args[1], long.Parse(args[2], CultureInfo.InvariantCulture), long.Parse(args[3], CultureInfo.InvariantCulture));
        var uploadKey = MediaBlobKeys.NewUpload(mediaId);
        await using (var content = File.OpenRead(file))
        {
            await host.Services.GetRequiredService<IBlobStore>().PutAsync(uploadKey, content, "video/mp4", CancellationToken.None);
        }

        await grains.GetGrain<IMediaGrain>(mediaId).SubmitAsync(new MediaUpload(ownerId, MediaType.Video, "video/mp4", new FileInfo(file).Length, uploadKey));
        Console.Out.WriteLine("submitted");
        await Task.Delay(Timeout.Infinite);
        break;
    }

    case "await":
    {
        var (mediaId, ownerId) = (long.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture));
        while (true)
        {
            var media = (await grains.GetGrain<IMediaGrain>(mediaId).GetAsync(ownerId)).Media;
            if (media?.Status is MediaStatus.Ready or MediaStatus.Failed)
            {
                Console.Out.WriteLine("settled " + JsonSerializer.Serialize(media));
                break;
            }

            await Task.Delay(50);
        }

        await host.StopAsync();
        break;
    }
}
