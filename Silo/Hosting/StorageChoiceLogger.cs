using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Says which storage this node uses, first thing at start-up: the storage is chosen before logging
/// exists, and if the silo then fails to migrate its database the operator knows which one.
/// </summary>
internal sealed partial class StorageChoiceLogger(StorageChoice storage, ILogger<StorageChoiceLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStorage(logger, storage.Description, storage.DataDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Storage}; data directory {DataDirectory}")]
    private static partial void LogStorage(ILogger logger, string storage, string dataDirectory);
}
