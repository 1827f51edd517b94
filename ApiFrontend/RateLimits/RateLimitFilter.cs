namespace Instagram.ApiFrontend.RateLimits;

/// <summary>
/// Counts the request against its subject's limit before the handler runs; a refusal answers 429 and the
/// handler never runs. Only accepted writes count: when the handler answers anything but 2xx (a 422 for a
/// bad body, a 404, a failure) the count is taken back, so a client fixing its request is not locked out.
/// Counting first and refunding after, rather than counting after success, keeps concurrent requests
/// from all slipping through under one remaining slot. Runs after authentication and after the body is
/// bound, so a malformed body is answered 400 without touching the allowance at all.
/// </summary>
/// <param name="alsoCounting">
/// Refusals that count all the same, because the answer itself is what the limit protects: registration's
/// 409 says that a name or email exists, so probing for accounts must use up the allowance.
/// </param>
internal sealed class RateLimitFilter(RateLimitAction action, IReadOnlyCollection<int> alsoCounting) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<RateLimiter>();
        var subject = RateLimitSubject.Of(http);
        var decision = await limiter.AcquireAsync(action, subject);
        if (RateLimitResponses.Answer(http.Response, decision, action) is { } refused)
        {
            return refused;
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await limiter.RefundAsync(action, subject, decision);
            throw;
        }

        if (!Counted(result))
        {
            await limiter.RefundAsync(action, subject, decision);
        }

        return result;
    }

    private bool Counted(object? result)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is not IStatusCodeHttpResult { StatusCode: { } status } || status is >= 200 and < 300 || alsoCounting.Contains(status);
    }
}
