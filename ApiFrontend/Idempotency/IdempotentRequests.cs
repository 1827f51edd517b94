using System.Collections.Immutable;
using System.Security.Claims;
using Instagram.ApiFrontend.Hosting;
using Instagram.Grains.Idempotency;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans;

namespace Instagram.ApiFrontend.Idempotency;

/// <summary>
/// Runs an idempotent endpoint: claims the request's key from its grain, then runs the create and records
/// its answer, or replays the recorded answer, or refuses (malformed key 400, still running 409, different
/// request 422). Semantics in docs/idempotency.md.
/// </summary>
public sealed partial class IdempotentRequests(IGrainFactory grains, IOptions<IdempotencyOptions> options, ILogger<IdempotentRequests> logger)
{
    /// <summary>Response headers replayed with the recorded answer (the others describe the first exchange only).</summary>
    private static readonly string[] RecordedHeaders = [HeaderNames.Location];

    /// <summary>
    /// How much longer than the first attempt's body a repeat's may be and still be the same request:
    /// multipart boundaries differ in length between attempts.
    /// </summary>
    private const long RepeatBodySlack = 64 * 1024;

    private IdempotencyOptions Options => options.Value;

    public async Task HandleAsync(HttpContext http, RequestDelegate endpoint, IdempotencyScope scope)
    {
        var header = http.Request.Headers[IdempotencyKey.HeaderName];

        // No key: an ordinary request. No user: nothing to keep one client's keys apart from another's, and a
        // replay could hand one client another's answer, so anonymous endpoints ignore the header.
        if (!http.Request.Headers.ContainsKey(IdempotencyKey.HeaderName) || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            await endpoint(http);
            return;
        }

        if (header.Count != 1 || !IdempotencyKey.IsWellFormed(header[0]!))
        {
            await ApiProblem.Malformed($"{IdempotencyKey.HeaderName} must be one value of 1 to {IdempotencyKey.MaxLength} visible ASCII characters.").ExecuteAsync(http);
            return;
        }

        var grain = grains.GetGrain<IIdempotencyGrain>(IdempotencyGrainKey.For(http.User.UserId(), scope.Name, header[0]!));
        var attempt = Guid.NewGuid();
        var claim = await grain.ClaimAsync(attempt, Options.InProgressLease);
        // The path itself, not only its pattern: the same key on another post's comments is another request.
        using var fingerprint = new RequestFingerprintBuilder(scope.Method, http.Request.Path.Value ?? scope.RoutePattern, http.Request.ContentType);
        var body = new FingerprintingRequestBody(http.Request.Body, fingerprint);
        switch (claim.Status)
        {
            case IdempotencyClaimStatus.Granted:
                await RunAndRecordAsync(http, endpoint, grain, attempt, body, fingerprint);
                break;
            case IdempotencyClaimStatus.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await ApiProblem.Conflict($"A request with this {IdempotencyKey.HeaderName} is still being processed; retry it shortly.").ExecuteAsync(http);
                break;
            default:
                await ReplayOrRefuseAsync(http, claim.Request!, claim.Response!, body, fingerprint);
                break;
        }
    }

    private async Task RunAndRecordAsync(
        HttpContext http, RequestDelegate endpoint, IIdempotencyGrain grain, Guid attempt, FingerprintingRequestBody body, RequestFingerprintBuilder fingerprint)
    {
        var originalBody = http.Request.Body;
        var originalResponse = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var recorder = new RecordingResponseBody(originalResponse.Stream, Options.MaxRecordedResponseBytes);
        var recording = new StreamResponseBodyFeature(recorder, originalResponse);
        http.Request.Body = body;
        http.Features.Set<IHttpResponseBodyFeature>(recording);
        try
        {
            await endpoint(http);
            await recording.CompleteAsync();
        }
        catch
        {
            // Whatever happened, the client may retry and the retry must run: nothing was recorded.
            Restore();
            await ReleaseAsync(grain, attempt, "the endpoint threw");
            throw;
        }

        Restore();
        if (await WhyNotRecordedAsync(http, body, recorder) is { } reason)
        {
            await ReleaseAsync(grain, attempt, reason);
        }
        else
        {
            await CompleteAsync(http, grain, attempt, fingerprint.Finish(), recorder.Recorded);
        }

        // Only now, with the answer recorded, does the client get it: a retry sent the moment it arrives replays.
        await recorder.SendKeptAsync(http.RequestAborted);

        void Restore()
        {
            http.Request.Body = originalBody;
            http.Features.Set(originalResponse);
            recording.Dispose();
        }
    }

    /// <summary>Why this answer is not worth recording, or null if it is (which may mean reading the rest of the body).</summary>
    private async Task<string?> WhyNotRecordedAsync(HttpContext http, FingerprintingRequestBody body, RecordingResponseBody recorder)
    {
        if (http.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return $"the answer was {http.Response.StatusCode}, which a retry may improve on";
        }

        if (recorder.Overflowed)
        {
            return $"the answer is larger than {Options.MaxRecordedResponseBytes} bytes";
        }

        if (body.ReachedEnd)
        {
            return null;
        }

        // The endpoint answered before reading the whole body. If it gave the body up (a refusal sent while the
        // client was still sending), nothing was created and the fingerprint is incomplete: a retry is refused
        // again just the same. Otherwise what is left (a multipart epilogue, say) is read into the fingerprint.
        if (http.Response.Headers.Connection.Any(value => string.Equals(value, "close", StringComparison.OrdinalIgnoreCase)))
        {
            return "the endpoint answered without reading the whole request";
        }

        try
        {
            await body.ReadToEndAsync(http.RequestAborted);
            return null;
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            return "the rest of the request could not be read: " + exception.Message;
        }
    }

    private async Task CompleteAsync(HttpContext http, IIdempotencyGrain grain, Guid attempt, RequestFingerprint request, byte[] body)
    {
        var headers = RecordedHeaders
            .Where(name => http.Response.Headers.ContainsKey(name))
            .ToImmutableDictionary(name => name, name => http.Response.Headers[name].ToString(), StringComparer.OrdinalIgnoreCase);
        var response = new RecordedResponse(http.Response.StatusCode, http.Response.ContentType, headers, body);
        try
        {
            if (!await grain.CompleteAsync(attempt, request, response, Options.Retention))
            {
                LogLostKey(grain.GetPrimaryKeyString());
            }
        }
        catch (Exception exception)
        {
            // The create happened, so its answer still goes out; the key stays taken until its lease runs out.
            LogNotRecorded(exception, grain.GetPrimaryKeyString());
        }
    }

    private async Task ReleaseAsync(IIdempotencyGrain grain, Guid attempt, string reason)
    {
        LogReleased(grain.GetPrimaryKeyString(), reason);
        try
        {
            await grain.ReleaseAsync(attempt);
        }
        catch (Exception exception)
        {
            // The key stays taken until its lease runs out; retries get 409 meanwhile, never a second create.
            LogNotReleased(exception, grain.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// A repeat of a completed request: its body is read through the fingerprint (never held in memory, and
    /// never more than the first body's length and some slack) and compared with the first one's.
    /// </summary>
    private static async Task ReplayOrRefuseAsync(
        HttpContext http, RequestFingerprint first, RecordedResponse answer, FingerprintingRequestBody body, RequestFingerprintBuilder fingerprint)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = first.BodyLength + RepeatBodySlack;
        }

        var same = false;
        try
        {
            await body.ReadToEndAsync(http.RequestAborted);
            same = fingerprint.Finish().Sha256 == first.Sha256;
        }
        catch (BadHttpRequestException)
        {
            // Longer than the first request by far: not the same one. The rest is not worth reading.
            http.Response.Headers.Connection = "close";
        }

        if (!same)
        {
            await ApiProblem.Invalid($"This {IdempotencyKey.HeaderName} was used for a different request; use a new key for a new request.").ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = answer.StatusCode;
        http.Response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
        http.Response.ContentLength = answer.Body.Length;
        await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key {GrainKey} released, answer not recorded: {Reason}")]
    private partial void LogReleased(string grainKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key {GrainKey} could not be released; it frees itself when its lease runs out")]
    private partial void LogNotReleased(Exception exception, string grainKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer for idempotency key {GrainKey} could not be recorded; the key frees itself when its lease runs out")]
    private partial void LogNotRecorded(Exception exception, string grainKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key {GrainKey} was taken over by a retry before this attempt finished (its lease ran out); its answer was not recorded")]
    private partial void LogLostKey(string grainKey);
}
