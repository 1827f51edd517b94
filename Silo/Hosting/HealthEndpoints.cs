using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Kubernetes-style probes, the same on every host. Liveness runs no checks: a slow database must not
/// get a live process restarted. Readiness runs the checks tagged <see cref="ReadyTag"/>, so a node
/// receives traffic only while its silo runs and its storage answers.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the health checks /readyz runs.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup(string.Empty).WithTags("Health");

        health.MapGet("/healthz", HealthChecks(endpoints, new HealthCheckOptions { Predicate = static _ => false }))
            .WithName("Liveness")
            .WithSummary("Answers 200 Healthy while the process runs.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        // HEAD, as load balancers and uptime checkers send it: the same answer without a body.
        health.MapMethods("/healthz", [HttpMethods.Head], HealthChecks(endpoints, new HealthCheckOptions { Predicate = static _ => false }))
            .WithName("LivenessHead")
            .WithSummary("Answers 200 while the process runs, without a body.");
        health.MapMethods("/readyz", [HttpMethods.Head], HealthChecks(endpoints, new HealthCheckOptions
            {
                Predicate = static check => check.Tags.Contains(ReadyTag),
                ResponseWriter = HealthReportJsonWriter.WriteAsync,
            }))
            .WithName("ReadinessHead")
            .WithSummary("Answers 200 when the silo runs and its storage answers, else 503, without a body.");

        health.MapGet("/readyz", HealthChecks(endpoints, new HealthCheckOptions
            {
                Predicate = static check => check.Tags.Contains(ReadyTag),
                ResponseWriter = HealthReportJsonWriter.WriteAsync,
            }))
            .WithName("Readiness")
            .WithSummary("Answers 200 when the silo runs and its storage answers, else 503; lists each check's state (details to operators).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status503ServiceUnavailable, contentType: "application/json");

        return endpoints;
    }

    // The pipeline MapHealthChecks builds, behind a GET route handler instead: MapHealthChecks answers
    // every verb, and only route handlers (a Delegate, not a RequestDelegate) reach the OpenAPI document.
    private static Delegate HealthChecks(IEndpointRouteBuilder endpoints, HealthCheckOptions options)
    {
        var pipeline = endpoints.CreateApplicationBuilder()
            .UseMiddleware<HealthCheckMiddleware>(Options.Create(options))
            .Build();
        return (HttpContext context) => pipeline(context);
    }
}
