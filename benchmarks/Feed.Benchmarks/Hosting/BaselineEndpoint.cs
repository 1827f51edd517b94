using Feed.Benchmarks.Load;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// GET /bench/baseline: the bytes and content type of a real feed response, precomputed, served by the same
/// process through the same middleware (anonymous, so nothing is required of the token). What the HTTP
/// stack alone can do with a response of that size: the feed's ceiling.
/// </summary>
internal sealed class BaselineEndpoint
{
    public const string Path = "/bench/baseline";

    private CapturedResponse? _response;

    /// <summary>Set once a real response was captured (after the host started, so the route exists before).</summary>
    public void Serve(CapturedResponse response) => _response = response;

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => _response is { } r ? Results.Bytes(r.Body, r.ContentType) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
}
