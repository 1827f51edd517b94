using Microsoft.OpenApi;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// Cross-cutting HTTP setup of the API, in one place: errors as problem details and the OpenAPI document.
/// </summary>
public static class ApiDefaults
{
    public const string OpenApiDocument = "v1";

    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(OpenApiDocument, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "Instagram API", Version = OpenApiDocument };
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// Unhandled exceptions and bare error statuses (404 for an unknown path, 405 …) answer with
    /// application/problem+json, as every API error does, never an HTML page or an empty body.
    /// </summary>
    public static IApplicationBuilder UseApiDefaults(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
