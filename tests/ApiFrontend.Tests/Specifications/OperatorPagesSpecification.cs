using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

/// <summary>
/// The Orleans dashboard (/dashboard) and Prometheus metrics (/metrics) are for operators: behind the
/// configured operator credential, never opened by an API user's token, and not served at all without one.
/// </summary>
public sealed class OperatorPagesSpecification
{
    [Fact]
    public async Task Without_an_operator_credential_configured_neither_page_exists()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("operator", "anything");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/metrics")]
    public async Task Only_the_operator_credential_opens_the_pages(string path)
    {
        await using var api = OperatedApi();
        using var anonymous = api.CreateClient();
        using var user = (await api.RegisterAsync("not_an_operator")).Client;
        using var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = Basic("operator", "a guess");
        using var operatorClient = OperatorClient(api);

        using (var challenge = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
            Assert.Equal("Basic", challenge.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_silo_and_the_products_grains()
    {
        await using var api = OperatedApi();
        using var user = await api.RegisterAsync("dashboard_watcher");
        using var operatorClient = OperatorClient(api);

        var page = await operatorClient.GetStringAsync("/dashboard/");
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);

        // The dashboard's counters come from a silo-side service refreshed every few seconds.
        var counters = await Eventually.ValueAsync(
            async () => await operatorClient.GetStringAsync("/dashboard/DashboardCounters"),
            json => json.Contains("UserGrain", StringComparison.Ordinal),
            "the dashboard lists the user grain that registration activated");
        using var document = JsonDocument.Parse(counters);
        Assert.Equal(1, document.RootElement.GetProperty("totalActiveHostCount").GetInt32());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_from_orleans_asp_net_core_and_our_meters()
    {
        await using var api = OperatedApi();
        using var user = await api.RegisterAsync("metrics_reader");
        await user.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/feed");
        using var operatorClient = OperatorClient(api);

        using var response = await operatorClient.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\norleans_", text, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("\ninstagram_feed_read_duration_seconds_count", text, StringComparison.Ordinal);
    }

    private static EmbeddedApi OperatedApi() => new(OperatorAccess.Settings);

    private static HttpClient OperatorClient(EmbeddedApi api) => api.CreateOperatorClient();

    private static AuthenticationHeaderValue Basic(string user, string password) => OperatorAccess.Basic(user, password);
}
