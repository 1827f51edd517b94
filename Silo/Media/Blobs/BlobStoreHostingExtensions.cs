using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Blobs;

public static class BlobStoreHostingExtensions
{
    /// <summary>
    /// Registers the <see cref="IBlobStore"/> chosen by the <c>Media:Blobs</c> section (see
    /// <see cref="BlobStorageOptions"/>), validated now so that bad settings stop the host before it starts.
    /// At start-up the store is logged and, for S3, its bucket created if missing. Call it from the silo's
    /// set-up with the resolved data directory: <c>services.AddBlobStore(configuration, storage.DataDirectory)</c>.
    /// </summary>
    /// <param name="dataDirectory">The node's data directory; the local store defaults to its <c>media</c> subdirectory.</param>
    /// <exception cref="OptionsValidationException">The section makes no sense.</exception>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(BlobStorageOptions.SectionName).Get<BlobStorageOptions>() ?? new BlobStorageOptions();
        options.Validate();

        if (options.IsS3)
        {
            services.AddSingleton(provider => new S3BlobStore(options.S3, provider.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<S3BlobStore>());
            services.AddHostedService(provider => new BlobStoreStartup(
                provider.GetRequiredService<IBlobStore>(),
                $"S3 bucket {options.S3.Bucket} at {options.S3.ServiceUrl ?? "AWS " + options.S3.Region}",
                provider.GetRequiredService<S3BlobStore>().EnsureBucketAsync,
                provider.GetRequiredService<ILogger<BlobStoreStartup>>()));
        }
        else
        {
            var directory = Path.GetFullPath(options.LocalDirectory ?? Path.Combine(dataDirectory, BlobStorageOptions.DefaultLocalDirectoryName));
            services.AddSingleton(_ => new LocalDiskBlobStore(directory));
            services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<LocalDiskBlobStore>());
            services.AddHostedService(provider => new BlobStoreStartup(
                provider.GetRequiredService<IBlobStore>(),
                $"local directory {directory}",
                prepare: null,
                provider.GetRequiredService<ILogger<BlobStoreStartup>>()));
        }

        return services;
    }
}
