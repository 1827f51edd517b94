using Instagram.ApiFrontend.RateLimits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApiFrontend.Tests.RateLimits;

/// <summary>
/// Test-only endpoints behind the app's own pipeline (so inside its authentication and error handling):
/// <c>POST /test/follow</c> opts in with the filter as a follow endpoint would, <c>POST /test/refused-follow</c>
/// does the same but answers 422 as a handler refusing a body would.
/// </summary>
/// <remarks>
/// They get their own routing in a branch: the app's endpoints are already mapped by the time a startup
/// filter runs, and requests for paths it does not know fall through to what is added after it.
/// </remarks>
internal sealed class RateLimitedTestEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map("/test", branch =>
        {
            branch.UseRouting();
            branch.UseAuthorization();
            branch.UseEndpoints(endpoints =>
            {
                endpoints.MapPost("/follow", () => TypedResults.Ok(new { following = true }))
                    .RequireAuthorization()
                    .RequireRateLimit(RateLimitAction.Follow);
                endpoints.MapPost("/refused-follow", () => TypedResults.Problem(detail: "nope", statusCode: StatusCodes.Status422UnprocessableEntity))
                    .RequireAuthorization()
                    .RequireRateLimit(RateLimitAction.Follow);
            });
        });
    };
}
