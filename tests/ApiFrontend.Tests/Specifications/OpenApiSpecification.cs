using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApiFrontend.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task OpenApi_document_covers_the_media_endpoints()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, method, operationId) in new[]
        {
            ("/api/v1/media", "post", "UploadMedia"),
            ("/api/v1/media/upload-url", "get", "GetMediaUploadUrl"),
            ("/api/v1/media/uploads/{mediaId}", "put", "PutMediaUpload"),
            ("/api/v1/media/{mediaId}/complete", "post", "CompleteMediaUpload"),
            ("/api/v1/media/{mediaId}", "get", "GetMedia"),
            ("/files/{key}", "get", "GetMediaFile"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is documented");
            Assert.Equal(operationId, item.GetProperty(method).GetProperty("operationId").GetString());
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_every_routed_endpoint()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var missing = new List<string>();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/openapi/{documentName}.json");
        foreach (var endpoint in endpoints)
        {
            // The document spells routes without constraints, catch-all markers or a trailing slash.
            var path = Regex.Replace(endpoint.RoutePattern.RawText!, @"\{\**(\w+)(:[^}]+)?\}", "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation)
                    || !operation.TryGetProperty("operationId", out _) || !operation.TryGetProperty("summary", out _))
                {
                    missing.Add($"{method} {path}");
                }
            }
        }

        Assert.True(endpoints.Count() > 30, "the route table was read");
        Assert.True(missing.Count == 0, "not documented with an operation ID and a summary:\n" + string.Join("\n", missing));
    }
}
