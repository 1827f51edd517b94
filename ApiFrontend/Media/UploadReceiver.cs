using Instagram.Silo.Media;
using Instagram.Silo.Media.Inspection;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// Streams an upload body to a scratch file in fixed-size chunks, so memory stays flat however large the
/// upload. The format is sniffed from the first bytes as soon as they arrive: a file that is not an image or
/// video is refused before the rest is read, and one over its kind's size limit the moment it crosses it.
/// </summary>
public sealed class UploadReceiver(IOptions<MediaOptions> options)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Receives <paramref name="body"/>; throws <see cref="MediaRejectedException"/> for a file we refuse.</summary>
    /// <param name="maxLength">A tighter cap than the kind's limit (the size a signed upload URL was issued for), if any.</param>
    public async Task<ReceivedUpload> ReceiveAsync(Stream body, long? maxLength, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        var headerLength = await body.ReadAtLeastAsync(buffer.AsMemory(0, MediaSniffer.HeaderLength), MediaSniffer.HeaderLength, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (headerLength == 0)
        {
            throw new MediaRejectedException(MediaRejection.Unsupported, "The upload is empty.");
        }

        var format = MediaSniffer.Sniff(buffer.AsSpan(0, headerLength))
            ?? throw new MediaRejectedException(MediaRejection.Unsupported, $"The file is not an image or video in a format we accept ({string.Join(", ", AcceptedContentTypes.All)}).");
        var limit = Math.Min(options.Value.MaxBytesFor(format.Kind), maxLength ?? long.MaxValue);

        var path = Path.Combine(Path.GetTempPath(), "instagram-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            long length = headerLength;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
            {
                await file.WriteAsync(buffer.AsMemory(0, headerLength), cancellationToken).ConfigureAwait(false);
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        throw new MediaRejectedException(MediaRejection.TooLarge, $"The upload exceeds the limit of {limit} bytes for {format.ContentType}.");
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            return new ReceivedUpload(path, length, format);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
