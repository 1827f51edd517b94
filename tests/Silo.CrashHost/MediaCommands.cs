using System.Globalization;
using System.Text.Json;
using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;

namespace Silo.CrashHost;

/// <summary>A media job to be interrupted, and its completion after the restart.</summary>
internal static class MediaCommands
{
    public static async Task SubmitAsync(IHost host, string[] args)
    {
        var (file, mediaId, ownerId) = (args[0], long.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture));
        var uploadKey = MediaBlobKeys.NewUpload(mediaId);
        await using (var content = File.OpenRead(file))
        {
            await host.Services.GetRequiredService<IBlobStore>().PutAsync(uploadKey, content, "video/mp4", CancellationToken.None);
        }

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IMediaGrain>(mediaId).SubmitAsync(new MediaUpload(ownerId, MediaType.Video, "video/mp4", new FileInfo(file).Length, uploadKey));
        Console.Out.WriteLine("submitted");
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task AwaitAsync(IHost host, string[] args)
    {
        var (mediaId, ownerId) = (long.Parse(args[0], CultureInfo.InvariantCulture), long.Parse(args[1], CultureInfo.InvariantCulture));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
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
    }
}
