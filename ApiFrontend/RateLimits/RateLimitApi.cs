using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>
/// Rate limits held in grains, so they hold across frontends (docs/rate-limits.md). Endpoints opt in with
/// <see cref="RequireRateLimit"/>; handlers that learn the subject from the body (login) use <see cref="RateLimiter"/>.
/// </summary>
public static class RateLimitApi
{
    /// <summary>The limits (section <c>RateLimits</c>, validated at start-up) and the <see cref="RateLimiter"/>.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        return services.AddSingleton<RateLimiter>();
    }

    /// <summary>
    /// Limits <paramref name="action"/> per authenticated user (per client address on anonymous requests):
    /// past the limit the endpoint answers 429 with <c>Retry-After</c>; every answer carries the
    /// <c>X-RateLimit-*</c> headers. Login needs the account too: call <see cref="RateLimiter.AcquireLoginAsync"/>
    /// from its handler instead.
    /// </summary>
    public static TBuilder RequireRateLimit<TBuilder>(this TBuilder endpoint, RateLimitAction action, params int[] alsoCounting)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint
            .AddEndpointFilter(new RateLimitFilter(action, alsoCounting))
            .WithMetadata(new RateLimitedEndpoint(action))
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
