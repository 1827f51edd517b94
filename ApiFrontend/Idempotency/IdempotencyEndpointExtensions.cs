namespace Instagram.ApiFrontend.Idempotency;

/// <summary>
/// How an endpoint opts in to <c>Idempotency-Key</c> (<c>.WithIdempotency()</c>) and the services behind it.
/// See docs/idempotency.md.
/// </summary>
public static class IdempotencyEndpointExtensions
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .Bind(builder.Configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(options => options.IsValid, "Idempotency: Retention, InProgressLease and MaxRecordedResponseBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IdempotentRequests>();
        return builder;
    }

    /// <summary>
    /// Makes the endpoint honour <c>Idempotency-Key</c>: a repeat with the same key gets the first answer, and
    /// the create runs at most once. The endpoint must have exactly one HTTP method.
    /// </summary>
    /// <remarks>
    /// This wraps the endpoint's whole request delegate rather than adding an endpoint filter: filters run after
    /// parameter binding, when a JSON body has already been read, and the body must pass through the
    /// fingerprint as it is read. It runs after authentication and authorization, which it needs for the user.
    /// </remarks>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var scope = ScopeOf(endpoint);
            var run = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate to make idempotent.");
            endpoint.RequestDelegate = http => http.RequestServices.GetRequiredService<IdempotentRequests>().HandleAsync(http, run, scope);
        });
        return builder;
    }

    private static IdempotencyScope ScopeOf(EndpointBuilder endpoint)
    {
        var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText
            ?? throw new InvalidOperationException($"{endpoint.DisplayName}: idempotency keys need a route endpoint.");
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        return methods.Count == 1
            ? new IdempotencyScope(methods[0], route)
            : throw new InvalidOperationException($"{endpoint.DisplayName}: idempotency keys are per endpoint, which needs exactly one HTTP method.");
    }
}
