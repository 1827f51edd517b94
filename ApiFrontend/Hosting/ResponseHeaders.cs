namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// Headers every answer carries: <c>X-Content-Type-Options: nosniff</c>, so no browser second-guesses a
/// declared type (an uploaded file served as an image must never run as a script), and, on the API,
/// <c>Cache-Control: no-store</c> unless an endpoint says otherwise — its answers are per-user and may hold
/// tokens, so no shared or browser cache may keep them.
/// </summary>
public static class ResponseHeaders
{
    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
