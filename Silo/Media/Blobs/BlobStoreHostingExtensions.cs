using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Media.Blobs;

public static class BlobStoreHostingExtensions
{
    /// <summary>
    /// Registers the <see cref="IBlobStore"/> chosen by the <c>Media:Blobs</c> section (see
    /// <see cref="BlobStorageOptions"/>), validated now so that bad settings stop the host before it starts.
    /// At start-up the store is logged and, for S3, its bucket created if missing. Call it from the silo's
    /// set-up with the resolved data directory: <c>builder.AddBlobStore(storage.DataDirectory)</c>.
    /// </summary>
    /// <param name="dataDirectory">The node's data directory; the local store defaults to its <c>media</c> subdirectory.</param>
    /// <exception cref="OptionsValidationException">The section makes no sense.</exception>
    public static IHostApplicationBuilder AddBlobStore(this IHostApplicationBuilder builder, string dataDirectory)
    {
        var options = builder.Configuration.GetSection(BlobStorageOptions.SectionName).Get<BlobStorageOptions>() ?? new BlobStorageOptions();
        options.Validate();

        if (options.IsS3)
        {
            builder.Services.AddSingleton(provider => new S3BlobStore(options.S3, provider.GetService<TimeProvider>() ?? TimeProvider.System));
            builder.Services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<S3BlobStore>());
            builder.Services.AddHostedService(provider => new BlobStoreStartup(
                provider.GetRequiredService<IBlobStore>(),
                $"S3 bucket {options.S3.Bucket} at {options.S3.ServiceUrl ?? "AWS " + options.S3.Region}",
                provider.GetRequiredService<S3BlobStore>().EnsureBucketAsync,
                provider.GetRequiredService<ILogger<BlobStoreStartup>>()));
        }
        else
        {
            var directory = Path.GetFullPath(options.LocalDirectory ?? Path.Combine(dataDirectory, BlobStorageOptions.DefaultLocalDirectoryName));
            builder.Services.AddSingleton(_ => new LocalDiskBlobStore(directory));
            builder.Services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<LocalDiskBlobStore>());
            builder.Services.AddHostedService(provider => new BlobStoreStartup(
                provider.GetRequiredService<IBlobStore>(),
                $"local directory {directory}",
                prepare: null,
                provider.GetRequiredService<ILogger<BlobStoreStartup>>()));
        }

        return builder;
    }
}
