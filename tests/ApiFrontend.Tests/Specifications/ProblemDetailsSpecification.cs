using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

public sealed class ProblemDetailsSpecification
{
    [Fact]
    public async Task Unknown_path_answers_404_as_problem_details()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/no/such/path");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Wrong_method_answers_405_as_problem_details()
    {
        await using var api = new EmbeddedApi();
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/readyz", content: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
