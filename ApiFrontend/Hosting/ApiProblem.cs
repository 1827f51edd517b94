using Microsoft.AspNetCore.Http.HttpResults;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// The one way endpoints answer an error: application/problem+json with the status's standard title and a
/// detail a client developer can act on. (Errors the framework raises get the same shape from ApiDefaults.)
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Malformed(string detail) => Create(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, detail);

    public static ProblemHttpResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult TooLarge(string detail) => Create(StatusCodes.Status413PayloadTooLarge, detail);

    public static ProblemHttpResult Unsupported(string detail) => Create(StatusCodes.Status415UnsupportedMediaType, detail);

    public static ProblemHttpResult Invalid(string detail) => Create(StatusCodes.Status422UnprocessableEntity, detail);

    /// <summary>429: a rate limit was reached. The caller sets <c>Retry-After</c> (see RateLimitResponses).</summary>
    /// <remarks>ASP.NET Core knows no default <c>type</c> for 429 (RFC 6585, not RFC 9110), so it is named here.</remarks>
    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, type: "https://tools.ietf.org/html/rfc6585#section-4");

    public static ProblemHttpResult Unavailable(string detail) => Create(StatusCodes.Status503ServiceUnavailable, detail);

    private static ProblemHttpResult Create(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
