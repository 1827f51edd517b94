using Instagram.Grains.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Hosting;
using Instagram.Silo.Media.Catalog;
using Instagram.Silo.Media.Imaging;
using Instagram.Silo.Media.Processing;
using Instagram.Silo.Media.Video;
using Instagram.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media;

public static class MediaPipelineHostingExtensions
{
    /// <summary>
    /// The media pipeline's services: limits (<c>Media</c>), the blob store (<c>Media:Blobs</c>), libvips and
    /// ffmpeg processors (<c>Media:Video</c>), the worker pool, metrics, and the media table. The frontend's
    /// upload checks use the same processors and limits.
    /// </summary>
    public static IServiceCollection AddMediaPipeline(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.SectionName))
            .Validate(o => o.Workers > 0 && o.MaxAttempts > 0 && o.MaxImageBytes > 0 && o.MaxVideoBytes > 0 && o.MaxImagePixels > 0,
                "Media: Workers, MaxAttempts and every limit must be positive.")
            .ValidateOnStart();
        services.AddOptions<VideoProcessingOptions>().Bind(configuration.GetSection(VideoProcessingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VideoProcessingOptions>, VideoProcessingOptionsValidator>();
        services.AddBlobStore(configuration, dataDirectory);
        services.AddMetrics();
        services.AddSingleton<IImageProcessor, VipsImageProcessor>();
        services.AddSingleton<IVideoProcessor, FfmpegVideoProcessor>();
        services.AddSingleton<MediaWorkerPool>();
        services.AddSingleton<MediaMetrics>();
        services.AddSingleton<IMediaPipeline, MediaPipeline>();
        return services;
    }

    /// <summary>
    /// Media items and their processing jobs: the media table, the retry policy media grains follow
    /// (<see cref="MediaOptions.MaxAttempts"/> attempts, waits doubling from <see cref="MediaOptions.RetryDelay"/>,
    /// then the dead letters and a failed item).
    /// </summary>
    public static IServiceCollection AddMediaJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MediaOptions.SectionName).Get<MediaOptions>() ?? new MediaOptions();
        services.AddSingleton(new DatabaseSchema(MediaSchema.Component, MediaSchema.For));
        services.AddSingleton(new MediaJobSettings(options.MaxAttempts, options.RetryDelay));
        services.AddSingleton<RelationalMediaCatalog>();
        services.AddSingleton<IMediaCatalog>(provider => provider.GetRequiredService<RelationalMediaCatalog>());
        services.AddSingleton<IUnfinishedWork, ProcessingMedia>();
        return services;
    }
}
