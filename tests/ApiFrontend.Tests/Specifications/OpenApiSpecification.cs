using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

public sealed class OpenApiSpecification
{
    [Fact]
    public async Task OpenApi_document_names_the_api_and_lists_the_health_probes()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.Equal("Instagram API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", root.GetProperty("info").GetProperty("version").GetString());
        var paths = root.GetProperty("paths");
        foreach (var (path, operationId) in new[] { ("/healthz", "Liveness"), ("/readyz", "Readiness") })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.Equal(operationId, get.GetProperty("operationId").GetString());
            Assert.Equal("Health", Assert.Single(get.GetProperty("tags").EnumerateArray()).GetString());
        }
    }
}
