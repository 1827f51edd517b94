using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Says where media bytes live, first thing at start-up, and prepares the store (creates the S3 bucket).
/// Resolving the store here also creates the local directory before any request needs it, so a directory
/// that cannot be created stops the host instead of failing the first upload.
/// </summary>
internal sealed partial class BlobStoreStartup(
    IBlobStore store,
    string description,
    Func<CancellationToken, Task>? prepare,
    ILogger<BlobStoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(logger, store.Name, description);
        if (prepare is not null)
        {
            await prepare(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Media blobs: {Store} store, {Description}")]
    private static partial void LogStore(ILogger logger, string store, string description);
}
