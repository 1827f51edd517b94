using Instagram.Grains.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Media.Catalog;
using Instagram.Silo.Media.Imaging;
using Instagram.Silo.Media.Processing;
using Instagram.Silo.Media.Video;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Runtime.Hosting;
using Runtime.Streams;

namespace Instagram.Silo.Media;

public static class MediaPipelineHostingExtensions
{
    /// <summary>
    /// The media pipeline's services: limits (<c>Media</c>), the blob store (<c>Media:Blobs</c>), libvips and
    /// ffmpeg processors (<c>Media:Video</c>), the worker pool, metrics, and the media table. The frontend's
    /// upload checks use the same processors and limits.
    /// </summary>
    public static IHostApplicationBuilder AddMediaPipeline(this IHostApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.AddOptions<MediaOptions>()
            .Bind(builder.Configuration.GetSection(MediaOptions.SectionName))
            .Validate(o => o.Workers > 0 && o.MaxAttempts > 0 && o.MaxImageBytes > 0 && o.MaxVideoBytes > 0 && o.MaxImagePixels > 0,
                "Media: Workers, MaxAttempts and every limit must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<VideoProcessingOptions>().Bind(builder.Configuration.GetSection(VideoProcessingOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VideoProcessingOptions>, VideoProcessingOptionsValidator>();
        builder.AddBlobStore(dataDirectory);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<IImageProcessor, VipsImageProcessor>();
        builder.Services.AddSingleton<IVideoProcessor, FfmpegVideoProcessor>();
        builder.Services.AddSingleton<MediaWorkerPool>();
        builder.Services.AddSingleton<MediaMetrics>();
        builder.Services.AddSingleton<IMediaPipeline, MediaPipeline>();
        builder.Services.AddSingleton<IMediaCatalog>(services =>
            new RelationalMediaCatalog(services.GetRequiredKeyedService<ITransactionalOutbox>(MediaJobStream.ProviderName)));
        return builder;
    }

    /// <summary>
    /// The media job stream in <paramref name="database"/> (beside the media table, so a row and its job commit
    /// together), with the pipeline's retry policy: <see cref="MediaOptions.MaxAttempts"/> attempts, waits
    /// doubling from <see cref="MediaOptions.RetryDelay"/>, then the dead letters and a failed media item.
    /// </summary>
    public static ISiloBuilder AddMediaJobs(this ISiloBuilder silo, DatabaseSpec database, IConfiguration configuration)
    {
        var options = configuration.GetSection(MediaOptions.SectionName).Get<MediaOptions>() ?? new MediaOptions();
        return silo
            .AddApplicationSchema(database, MediaSchema.Component, MediaSchema.For)
            .AddOutboxStreams(MediaJobStream.ProviderName, database, delivery =>
            {
                delivery.MaxDeliveryAttempts = options.MaxAttempts;
                delivery.RetryDelay = options.RetryDelay;
                delivery.MaxRetryDelay = TimeSpan.FromTicks(options.RetryDelay.Ticks << Math.Min(options.MaxAttempts, 16));
                // The pipeline enforces JobTimeout itself (cancelling the work); the delivery deadline is only
                // a backstop for a worker that does not return at all.
                delivery.DeliveryTimeout = options.JobTimeout + TimeSpan.FromMinutes(1);

                // One job in flight per worker: the rest wait in the durable queue, not in memory, and an
                // attempt's clock never runs while it merely waits for a worker.
                delivery.MaxConcurrentStreams = options.Workers;
            })
            .AddStreamDeadLetterObserver<MediaJobDeadLetterObserver>(MediaJobStream.ProviderName);
    }
}
