using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// Reads a multipart/form-data upload section by section, straight from the request body: the 'file' part
/// goes to the <see cref="UploadReceiver"/> as it arrives (ASP.NET's form binding would first copy the whole
/// body aside), and other small fields are skipped.
/// </summary>
public static class MultipartUpload
{
    private const string FilePartName = "file";

    public static bool TryGetBoundary(HttpRequest request, out string boundary)
    {
        boundary = string.Empty;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        boundary = value;
        return true;
    }

    /// <summary>The received 'file' part, or null if the body has none.</summary>
    public static async Task<ReceivedUpload?> ReceiveFileAsync(Stream body, string boundary, UploadReceiver receiver, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FilePartName, StringComparison.Ordinal))
            {
                return await receiver.ReceiveAsync(section.Body, maxLength: null, cancellationToken);
            }

            // MultipartReader caps each section's headers; an unrelated field's body is read to its end and dropped.
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
        }

        return null;
    }
}
