using System.Diagnostics;
using System.Globalization;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Idempotency;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Identity;
using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Blobs;
using Instagram.Silo.Media.Inspection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans;

namespace Instagram.ApiFrontend.Media;

/// <summary>
/// Uploads (multipart, or direct: upload URL → PUT → complete) and media status under /api/v1/media.
/// Processing happens in the silo; these endpoints only get the original durably stored and vouched for.
/// </summary>
public static class MediaApi
{
    private const string Tag = "Media";

    public static IServiceCollection AddMediaApi(this IServiceCollection services) =>
        services
            .AddSingleton<UploadReceiver>()
            .AddSingleton<UploadInspector>()
            .AddSingleton<UploadUrlSigner>()
            .AddSingleton<MediaUploads>();

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/v1/media").WithTags(Tag);
        media.MapPost("/", UploadAsync).RequireAuthorization().RequireRateLimit(RateLimitAction.Write)
            .WithName("UploadMedia").WithSummary("Upload a photo or video (multipart field 'file'); processing continues in the background.")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery().WithIdempotency();
        media.MapGet("/upload-url", IssueUploadUrlAsync).RequireAuthorization()
            .WithName("GetMediaUploadUrl").WithSummary("Get a URL to PUT the bytes of one photo or video to directly.");
        media.MapPut("/uploads/{mediaId:long}", ReceiveDirectUploadAsync).AllowAnonymous()
            .WithName("PutMediaUpload").WithSummary("The target of an upload URL issued by this API (authorised by its signature).");
        media.MapPost("/{mediaId:long}/complete", CompleteAsync).RequireAuthorization().RequireRateLimit(RateLimitAction.Write)
            .WithName("CompleteMediaUpload").WithSummary("Confirm that the bytes were PUT to the upload URL; processing starts.");
        media.MapGet("/{mediaId:long}", GetAsync).RequireAuthorization()
            .WithName("GetMedia").WithSummary("A media item: status, dimensions, blurhash and variant URLs.");
        MediaFiles.Map(app);
        return app;
    }

    private static async Task<Results<Accepted<MediaAccepted>, ProblemHttpResult>> UploadAsync(HttpContext http, ApiMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await ReceiveMultipartAsync(http, imagesOnly: false, accepted: null, cancellationToken);
        metrics.Upload(Stopwatch.GetElapsedTime(started), accepted: result.Result is Accepted<MediaAccepted>);
        return result;
    }

    /// <summary>
    /// Every multipart upload (<c>POST /media</c>, <c>PUT /users/me/avatar</c>): the 'file' part is streamed to a
    /// scratch file, checked, stored and submitted as the caller's new media item, then
    /// <paramref name="accepted"/> runs before the client hears 202. With <paramref name="imagesOnly"/> a
    /// video is refused (415) before anything is stored.
    /// </summary>
    internal static async Task<Results<Accepted<MediaAccepted>, ProblemHttpResult>> ReceiveMultipartAsync(
        HttpContext http, bool imagesOnly, Func<MediaInfo, Task>? accepted, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<MediaOptions>>().Value;

        // Multipart framing adds a little to the file itself; anything beyond is refused by the server unread.
        AllowBody(http, (imagesOnly ? options.MaxImageBytes : options.MaxUploadBytes) + MultipartSlack);
        if (!MultipartUpload.TryGetBoundary(http.Request, out var boundary))
        {
            return ApiProblem.Unsupported("Send the file as multipart/form-data in a part named 'file'.");
        }

        return await RefusalsAsProblems<Accepted<MediaAccepted>>(http, async () =>
        {
            using var upload = await MultipartUpload.ReceiveFileAsync(http.Request.Body, boundary, services.GetRequiredService<UploadReceiver>(), cancellationToken);
            if (upload is null)
            {
                return ApiProblem.Malformed("The multipart body has no part named 'file'.");
            }

            if (imagesOnly && upload.Format.Kind != MediaKind.Image)
            {
                return ApiProblem.Unsupported("Only an image is accepted here.");
            }

            var mediaId = services.GetRequiredService<SnowflakeIdGenerator>().NextId();
            var result = await services.GetRequiredService<MediaUploads>().StoreAndSubmitAsync(http.User.UserId(), mediaId, upload, cancellationToken);
            if (accepted is not null && result is { Access: MediaAccess.Granted, Media: { } media })
            {
                await accepted(media);
            }

            return Accepted(result);
        });
    }

    private static async Task<Results<Ok<UploadUrlIssued>, ProblemHttpResult>> IssueUploadUrlAsync(
        HttpContext http,
        [FromQuery(Name = "content_type")] string? contentType,
        [FromQuery(Name = "size_bytes")] string? sizeBytes,
        SnowflakeIdGenerator ids,
        IBlobStore blobs,
        IGrainFactory grains,
        UploadUrlSigner signer,
        TimeProvider timeProvider,
        IOptions<MediaOptions> options)
    {
        if (AcceptedContentTypes.KindOf(contentType) is not { } kind)
        {
            return ApiProblem.Unsupported($"content_type must be one of {string.Join(", ", AcceptedContentTypes.All)}.");
        }

        if (!long.TryParse(sizeBytes, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
        {
            return ApiProblem.Invalid("size_bytes must be the file's size: a positive whole number of bytes.");
        }

        if (size > options.Value.MaxBytesFor(kind))
        {
            return ApiProblem.TooLarge($"size_bytes is {size}; the limit for {contentType} is {options.Value.MaxBytesFor(kind)} bytes.");
        }

        var ownerId = http.User.UserId();
        var mediaId = ids.NextId();
        var uploadKey = MediaBlobKeys.NewUpload(mediaId);
        var expiresAt = timeProvider.GetUtcNow().Add(options.Value.UploadUrlLifetime);
        var declared = contentType!.Split(';')[0].Trim().ToLowerInvariant();
        await grains.GetGrain<IMediaGrain>(mediaId).ExpectUploadAsync(new MediaUpload(ownerId, MediaUploads.TypeOf(kind), declared, size, uploadKey));

        var url = blobs.CreateUploadUrl(uploadKey, declared, expiresAt)
            ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/v1/media/uploads/{mediaId}?"
                + signer.Sign(new UploadGrant(mediaId, ownerId, declared, size, expiresAt)));
        return TypedResults.Ok(new UploadUrlIssued(mediaId.ToString(CultureInfo.InvariantCulture), url, expiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveDirectUploadAsync(
        HttpContext http,
        long mediaId,
        UploadUrlSigner signer,
        UploadReceiver receiver,
        MediaUploads uploads,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (signer.Verify(mediaId, http.Request.Query, out var refusal) is not { } grant)
        {
            return ApiProblem.Forbidden(refusal!);
        }

        var current = await grains.GetGrain<IMediaGrain>(mediaId).GetAsync(grant.OwnerId);
        if (current.Media is not { } media)
        {
            return ApiProblem.NotFound("No upload is expected for this media ID.");
        }

        if (media.Status != MediaStatus.AwaitingUpload)
        {
            return ApiProblem.Conflict("This media was already uploaded.");
        }

        AllowBody(http, grant.MaxBytes);
        return await RefusalsAsProblems<NoContent>(http, async () =>
        {
            using var upload = await receiver.ReceiveAsync(http.Request.Body, grant.MaxBytes, cancellationToken);
            if (AcceptedContentTypes.KindOf(grant.ContentType) != upload.Format.Kind)
            {
                return ApiProblem.Unsupported($"The upload URL was issued for {grant.ContentType}, but the file is {upload.Format.ContentType}.");
            }

            await uploads.StoreDirectAsync(media.UploadKey, upload, cancellationToken);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Results<Accepted<MediaAccepted>, ProblemHttpResult>> CompleteAsync(
        HttpContext http,
        long mediaId,
        MediaUploads uploads,
        CancellationToken cancellationToken) =>
        await RefusalsAsProblems<Accepted<MediaAccepted>>(http, async () =>
        {
            var result = await uploads.CompleteAsync(http.User.UserId(), mediaId, cancellationToken);
            return result switch
            {
                { Access: MediaAccess.Conflict } => ApiProblem.Conflict("Nothing has been uploaded to this media's upload URL yet."),
                _ => Accepted(result),
            };
        });

    private static async Task<Results<Ok<MediaView>, ProblemHttpResult>> GetAsync(HttpContext http, long mediaId, IGrainFactory grains, IOptions<MediaOptions> options)
    {
        var result = await grains.GetGrain<IMediaGrain>(mediaId).GetAsync(http.User.UserId());
        return result.Media is { } media
            ? TypedResults.Ok(MediaView.From(media, key => MediaFiles.PublicUrl(http.Request, options.Value, key)))
            : ApiProblem.NotFound("No such media.");
    }

    private static Results<Accepted<MediaAccepted>, ProblemHttpResult> Accepted(MediaResult result) =>
        result.Media is { } media && result.Access == MediaAccess.Granted
            ? TypedResults.Accepted($"/api/v1/media/{media.MediaId}", MediaAccepted.From(media))
            : ApiProblem.NotFound("No such media.");

    private const long MultipartSlack = 64 * 1024;

    private static void AllowBody(HttpContext http, long maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>
    /// Turns refusals of the upload (ours, or the server's for an oversized or cut-off body) into problem
    /// answers, sent at once, while the client may still be sending. The connection is then closed rather
    /// than kept alive: Kestrel discards what is left of the body (bounded in time and size, never
    /// buffered) instead of waiting for a next request behind it.
    /// </summary>
    private static async Task<Results<TResult, ProblemHttpResult>> RefusalsAsProblems<TResult>(HttpContext http, Func<Task<Results<TResult, ProblemHttpResult>>> handle)
        where TResult : IResult
    {
        try
        {
            return await handle();
        }
        catch (Exception exception) when (IsRefusal(exception) && !http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Headers.Connection = "close";
            return AsProblem(exception);
        }
    }

    /// <summary>
    /// Ours, or the body's: the server's limits (<see cref="BadHttpRequestException"/>), a multipart body
    /// cut off before its closing boundary (<see cref="IOException"/>), or one breaking the reader's limits
    /// (<see cref="InvalidDataException"/>). A client that went away gets no answer at all.
    /// </summary>
    private static bool IsRefusal(Exception exception) =>
        exception is MediaRejectedException or BadHttpRequestException or IOException or InvalidDataException;

    private static ProblemHttpResult AsProblem(Exception refusal)
    {
        switch (refusal)
        {
            case MediaRejectedException rejected:
                return rejected.Rejection switch
                {
                    MediaRejection.TooLarge => ApiProblem.TooLarge(rejected.Message),
                    MediaRejection.Unsupported => ApiProblem.Unsupported(rejected.Message),
                    _ => ApiProblem.Invalid(rejected.Message),
                };
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return ApiProblem.TooLarge("The request body is larger than any upload we accept.");
            case InvalidDataException:
                return ApiProblem.Malformed("The multipart body breaks the reader's limits: too many parts, or headers too long.");
            default:
                return ApiProblem.Malformed("The multipart body ended before its closing boundary, or its framing is broken.");
        }
    }
}
