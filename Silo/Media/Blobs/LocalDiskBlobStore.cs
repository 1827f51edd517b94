using System.Text;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Blobs as files under one root directory (embedded mode). A blob's file is its key as a relative path;
/// its content type sits next to it in a sidecar file <c>.{name}.content-type</c> (dot-names cannot be
/// keys, see <see cref="BlobKey"/>).
///
/// Durability: bytes are written to a temporary file in the blob's own directory, flushed to the disk,
/// renamed over the final name (atomic: readers see the old blob or the new one, never a torn one), and
/// the directories are fsynced before the put completes. Concurrent puts of one key each write their own
/// temporary file; the last rename wins, and since a key always holds the same bytes, any winner is right.
/// A crash can leave a temporary file behind; it is never read as a blob.
///
/// A key cannot be both a blob and a prefix of another key here (<c>a/b</c> and <c>a/b/c</c>): the first
/// is a file, the second needs a directory of the same name. Keys are generated, so this never arises.
/// </summary>
public sealed class LocalDiskBlobStore : IBlobStore
{
    private const string FallbackContentType = "application/octet-stream";
    private const int CopyBufferSize = 128 * 1024;

    /// <param name="rootDirectory">Where the blobs live; created (durably) if missing.</param>
    public LocalDiskBlobStore(string rootDirectory)
    {
        RootDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        var existed = Directory.Exists(RootDirectory);
        Directory.CreateDirectory(RootDirectory);
        if (!existed && Path.GetDirectoryName(RootDirectory) is { } parent)
        {
            DirectorySync.Flush(parent);
        }
    }

    public string Name => "local";

    /// <summary>The directory all blobs are under, as a full path.</summary>
    public string RootDirectory { get; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        BlobContentType.Validate(contentType);
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);

        var name = Path.GetFileName(path);
        var suffix = $".{Guid.NewGuid():N}.tmp";
        var temporaryBlob = Path.Combine(directory, "." + name + suffix);
        var temporaryContentType = Path.Combine(directory, "." + name + ".content-type" + suffix);
        try
        {
            await WriteToDiskAsync(temporaryBlob, content, cancellationToken);
            await using (var contentTypeBytes = new MemoryStream(Encoding.ASCII.GetBytes(contentType)))
            {
                await WriteToDiskAsync(temporaryContentType, contentTypeBytes, cancellationToken);
            }

            // Content type first: whenever the blob exists, so does its content type.
            File.Move(temporaryContentType, ContentTypePathOf(path), overwrite: true);
            File.Move(temporaryBlob, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryBlob);
            File.Delete(temporaryContentType);
        }

        DirectorySync.FlushChain(RootDirectory, directory);
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        string contentType;
        try
        {
            contentType = await File.ReadAllTextAsync(ContentTypePathOf(path), Encoding.ASCII, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            // Only a blob written by hand (or a concurrent delete) lacks one; the bytes are still served.
            contentType = FallbackContentType;
        }

        return new BlobProperties(file.Length, contentType, ETagOf(file));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                // A concurrent put renames a new file over this name; an open reader keeps the old one.
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous,
            });
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException
            || (exception is UnauthorizedAccessException && Directory.Exists(path)))
        {
            // A directory under this name holds other keys; it is not a blob.
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
            File.Delete(ContentTypePathOf(path));
        }

        // Empty directories stay: removing them would race with a concurrent put into them.
        return Task.CompletedTask;
    }

    /// <summary>Always null: a directory cannot take uploads itself; the frontend signs its own upload URLs.</summary>
    public Uri? CreateUploadUrl(string key, string contentType, DateTimeOffset expiresAt)
    {
        BlobKey.Validate(key);
        return null;
    }

    /// <summary>The blob's file. Validated twice: by the key rules, and by checking the result is under the root.</summary>
    private string PathOf(string key)
    {
        BlobKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(RootDirectory, key));
        if (!path.StartsWith(RootDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' leads outside the store's directory.", nameof(key));
        }

        return path;
    }

    private static string ContentTypePathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".content-type");

    // Length and modification time, both from one stat: a rewrite changes the time, so the tag is strong.
    private static string ETagOf(FileInfo file) => $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"";

    private static async Task WriteToDiskAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        });
        await content.CopyToAsync(file, CopyBufferSize, cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
