using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// Serves variant bytes under <c>/files/{key}</c>. Keys are content-addressed and immutable, so responses
/// may be cached forever (by browsers and any CDN in front); ETag and Range let clients revalidate cheaply
/// and resume or seek in videos. Originals and pending uploads are never served.
/// </summary>
public static class MediaFiles
{
    private const string Prefix = "/files/";
    private const string ForeverCacheControl = "public, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Prefix + "{**key}", ServeAsync).AllowAnonymous().WithTags("Media")
            .WithName("GetMediaFile").WithSummary("Bytes of a media variant (cacheable forever; supports ETag and Range).");

    /// <summary>What every <see cref="PublicUrl"/> of this request starts with: responses holding URLs may be reused for requests with the same base.</summary>
    public static string PublicBase(HttpRequest request, MediaOptions options) =>
        options.PublicBaseUrl?.AbsoluteUri ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Where clients fetch <paramref name="key"/>: under <see cref="MediaOptions.PublicBaseUrl"/>, else this server as the request addressed it.</summary>
    public static Uri PublicUrl(HttpRequest request, MediaOptions options, string key) =>
        options.PublicBaseUrl is { } configured
            ? new Uri(configured, Prefix.TrimStart('/') + key)
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}{key}");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(HttpContext http, string key, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!MediaBlobKeys.IsPublic(key) || BlobKey.FindProblem(key) is not null)
        {
            return Hosting.ApiProblem.NotFound("No such file.");
        }

        var properties = await blobs.GetPropertiesAsync(key, cancellationToken);
        var content = properties is null ? null : await blobs.OpenReadAsync(key, cancellationToken);
        if (properties is null || content is null)
        {
            return Hosting.ApiProblem.NotFound("No such file.");
        }

        http.Response.Headers.CacheControl = ForeverCacheControl;
        return TypedResults.Stream(content, properties.ContentType, entityTag: EntityTagHeaderValue.Parse(properties.ETag), enableRangeProcessing: true);
    }
}
