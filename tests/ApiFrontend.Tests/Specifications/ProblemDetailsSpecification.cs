using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData("timeout", HttpStatusCode.ServiceUnavailable)]
    [InlineData("bug", HttpStatusCode.InternalServerError)]
    public async Task A_dependency_that_does_not_answer_is_503_and_anything_else_500_as_problem_details(string failure, HttpStatusCode expected)
    {
        await using var api = new EmbeddedApi(services: services => services.AddSingleton<IStartupFilter>(new FailingPath()));
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/test-failure/" + failure);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Adds, behind the app's own pipeline (so inside its exception handling), a path that throws.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-failure/timeout", branch => branch.Run(_ => throw new TimeoutException("a grain call timed out")));
            app.Map("/test-failure/bug", branch => branch.Run(_ => throw new InvalidOperationException("a bug")));
        };
    }
}
