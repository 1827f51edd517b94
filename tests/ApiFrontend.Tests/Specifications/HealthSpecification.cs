using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

public sealed class HealthSpecification
{
    [Fact]
    public async Task Healthz_answers_while_the_process_runs()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_tells_anyone_each_checks_state_and_nothing_more()
    {
        await using var api = new EmbeddedApi(OperatorAccess.Settings);
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var report = JsonDocument.Parse(body);
        Assert.All(report.RootElement.GetProperty("checks").EnumerateArray(), check =>
            Assert.Equal(["name", "status"], check.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain(api.DataDirectory, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probes_answer_head_as_load_balancers_send_it(string path)
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_the_silo_running_its_sqlite_database_and_its_blob_store_reachable_to_operators()
    {
        await using var api = new EmbeddedApi(OperatorAccess.Settings);
        using var client = api.CreateOperatorClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["media-blobs", "silo"], checks.Keys.Order());
        var silo = checks["silo"];
        Assert.Equal("Healthy", silo.GetProperty("status").GetString());
        var database = "sqlite:" + Path.Combine(api.DataDirectory, "instagram.db");
        Assert.Equal("reachable", silo.GetProperty("data").GetProperty(database).GetString());
        Assert.Equal("reachable", checks["media-blobs"].GetProperty("data").GetProperty("local").GetString());
    }
}
