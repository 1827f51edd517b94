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
        var limits = options.Value;
        if (upload.Format.Kind == MediaKind.Image)
        {
            var header = images.ReadHeader(upload.Path);
            if (header.Pixels > limits.MaxImagePixels)
            {
                throw new MediaRejectedException(
                    MediaRejection.Invalid,
                    $"The image is {header.Width} × {header.Height} pixels; at most {limits.MaxImagePixels} pixels are accepted.");
            }
        }
        else
        {
            var header = await videos.ReadHeaderAsync(upload.Path, cancellationToken).ConfigureAwait(false);
            if (header.Duration > limits.MaxVideoDuration)
            {
                throw new MediaRejectedException(
                    MediaRejection.Invalid,
                    $"The video is {header.Duration.TotalSeconds:F1} s long; at most {limits.MaxVideoDuration.TotalSeconds:F0} s are accepted.");
            }
        }
    }
}
