using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Instagram.ApiFrontend.Accounts;
using Microsoft.OpenApi;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// Cross-cutting HTTP setup of the API, in one place: snake_case JSON, bearer authentication, errors as
/// problem details and the OpenAPI document.
/// </summary>
public static class ApiDefaults
{
    public const string OpenApiDocument = "v1";

    /// <summary>
    /// Request bodies beyond this are refused with 413 while they arrive: JSON bodies are a few kilobytes (a
    /// caption is at most 2 200 characters), so nothing larger is buffered for parsing. Uploads raise the
    /// limit for themselves, to the size of what they accept.
    /// </summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is { Status: StatusCodes.Status415UnsupportedMediaType, Detail: null })
            {
                context.ProblemDetails.Detail = UnreadableRequestHandler.UnsupportedBody(context.HttpContext);
            }
        });
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddExceptionHandler(options => options.StatusCodeSelector = StatusOf);
        builder.Services.AddExceptionHandler<UnreadableRequestHandler>();

        // Unreadable bodies and parameters throw, so UnreadableRequestHandler can say which field and why.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new UtcTimestampConverter());

            // A field we do not know is refused, not ignored: "is_privat": true must not silently change nothing.
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi(OpenApiDocument, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Instagram API", Version = OpenApiDocument };
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// A request the server could not read keeps its 4xx; a dependency that did not answer — a grain call
    /// past its deadline, a silo shutting down, a database gone — or a write that met a newer version (the
    /// grain starts again from the stored one) is 503 (try again later), not 500 (our bug).
    /// </summary>
    private static int StatusOf(Exception exception) => exception switch
    {
        // Malformed JSON, invalid UTF-8, a body over the limit: the client's mistake, with the status the server chose.
        BadHttpRequestException bad => bad.StatusCode,
        TimeoutException or Orleans.Runtime.OrleansMessageRejectionException or Orleans.Storage.InconsistentStateException
            or System.Data.Common.DbException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// Unhandled exceptions and bare error statuses (404 for an unknown path, 405, a 401 challenge …)
    /// answer with application/problem+json, as every API error does, never an HTML page or an empty body.
    /// </summary>
    public static IApplicationBuilder UseApiDefaults(this IApplicationBuilder app)
    {
        app.UseResponseHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseSessionCheck();
        app.UseAuthorization();
        return app;
    }
}
