using Instagram.Silo.Media;
using Instagram.Silo.Media.Imaging;
using Instagram.Silo.Media.Inspection;
using Instagram.Silo.Media.Video;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// Reads the header of a received upload — never its pixels — so that what cannot be processed is refused
/// while the client is still there to hear it: an image claiming more pixels than the limit (a
/// decompression bomb), a video over the length limit, a file whose decoder rejects its header.
/// </summary>
public sealed class UploadInspector(IImageProcessor images, IVideoProcessor videos, IOptions<MediaOptions> options)
{
    /// <summary>Throws <see cref="MediaRejectedException"/> if the upload cannot be accepted.</summary>
    public async Task InspectAsync(ReceivedUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            await CheckLimitsAsync(upload, cancellationToken);
        }
        catch (MediaRejectedException decoderRefusal) when (decoderRefusal is not LimitExceeded)
        {
            // The decoder's own words may carry scratch paths; the client gets a plain sentence.
            throw new MediaRejectedException(decoderRefusal.Rejection, MediaRejectedException.ClientMessageFor(decoderRefusal.Rejection), decoderRefusal);
        }
    }

    private async Task CheckLimitsAsync(ReceivedUpload upload, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (upload.Format.Kind == MediaKind.Image)
        {
            var header = images.ReadHeader(upload.Path);
            if (header.Pixels > limits.MaxImagePixels)
            {
                throw new LimitExceeded(
                    $"The image is {header.Width} × {header.Height} pixels; at most {limits.MaxImagePixels} pixels are accepted.");
            }
        }
        else
        {
            var header = await videos.ReadHeaderAsync(upload.Path, cancellationToken).ConfigureAwait(false);
            if (header.Duration > limits.MaxVideoDuration)
            {
                throw new LimitExceeded(
                    $"The video is {header.Duration.TotalSeconds:F1} s long; at most {limits.MaxVideoDuration.TotalSeconds:F0} s are accepted.");
            }
        }
    }

    /// <summary>Our own refusal, worded for the client: over the pixel or duration limit, which is invalid input (422), not an oversized body.</summary>
    private sealed class LimitExceeded(string message) : MediaRejectedException(MediaRejection.Invalid, message);
}
