using Instagram.Silo.Hosting;
using Instagram.Silo.Operations;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// Embedded mode as one composition: a silo in this process and the HTTP API in front of it. Program.cs
/// runs it; the feed benchmark hosts exactly the same on its own Kestrel port.
/// </summary>
public static class EmbeddedProduct
{
    public static IHostApplicationBuilder AddEmbeddedProduct(this IHostApplicationBuilder builder) =>
        builder.AddInstagramSilo().AddApiDefaults().AddApiAreas();

    /// <summary>The request pipeline and every endpoint, the OpenAPI document included.</summary>
    public static WebApplication UseEmbeddedProduct(this WebApplication app)
    {
        app.UseApiDefaults();
        app.MapApiAreas();
        app.MapOperatorEndpoints();
        app.MapOpenApi();
        return app;
    }
}
