using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace Instagram.Silo.Operations;

/// <summary>
/// What operators watch, on the host's own HTTP port: the Orleans dashboard at <c>/dashboard</c> and
/// Prometheus metrics at <c>/metrics</c>, both behind the operator credential (<see cref="OperatorOptions"/>)
/// and served only when one is configured. Metrics come from OpenTelemetry: Orleans' meter, ASP.NET Core,
/// the .NET runtime and our <c>Instagram.*</c> meters.
/// </summary>
public static class OperatorEndpoints
{
    public const string DashboardPath = "/dashboard";
    public const string MetricsPath = "/metrics";
    private const string Policy = "operators";

    /// <summary>The operator credential, its authentication scheme and policy, and the metrics pipeline.</summary>
    public static OperatorOptions AddOperatorServices(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>() ?? new OperatorOptions();
        if (options.Enabled && options.Password!.Length < OperatorOptions.MinimumPasswordLength)
        {
            throw new OptionsValidationException(OperatorOptions.SectionName, typeof(OperatorOptions),
                [$"Operator:Password must be at least {OperatorOptions.MinimumPasswordLength} characters: the operator pages answer any number of guesses."]);
        }

        builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration.GetSection(OperatorOptions.SectionName));
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", "Instagram.*")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return options;
    }

    /// <summary>Maps <c>/dashboard</c> (when the silo added the dashboard) and <c>/metrics</c>, if operators have a credential.</summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<OperatorOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policy).ExcludeFromDescription();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policy).ExcludeFromDescription();
        return endpoints;
    }
}
