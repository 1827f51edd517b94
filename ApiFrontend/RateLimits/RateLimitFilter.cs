namespace Instagram.ApiFrontend.RateLimits;

/// <summary>
/// Counts the request against its subject's limit before the handler runs; a refusal answers 429 and the
/// handler never runs. Runs after authentication and after the body is bound, so a malformed request is
/// answered 400 without using up the client's allowance.
/// </summary>
internal sealed class RateLimitFilter(RateLimitAction action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<RateLimiter>();
        var decision = await limiter.AcquireAsync(action, RateLimitSubject.Of(http));
        return RateLimitResponses.Answer(http.Response, decision, action) ?? await next(context);
    }
}
