using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

/// <summary>Cluster-mode storage: a connection string in configuration moves the silo to PostgreSQL.</summary>
public sealed class PostgresStorageSpecification
{
    [Fact]
    public async Task Configured_postgres_connection_string_replaces_the_sqlite_file()
    {
        await using var schema = await TemporaryPostgresSchema.CreateAsync();
        await using var api = new EmbeddedApi(new Dictionary<string, string>(OperatorAccess.Settings) { ["Storage:PostgresConnectionString"] = schema.ConnectionString });
        using var client = api.CreateOperatorClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var silo = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "silo");
        var data = silo.GetProperty("data");
        var database = Assert.Single(data.EnumerateObject());
        Assert.StartsWith("postgres://", database.Name);
        Assert.EndsWith($"search_path={schema.Schema}", database.Name);
        Assert.Equal("reachable", database.Value.GetString());
        Assert.False(File.Exists(Path.Combine(api.DataDirectory, "instagram.db")), "no SQLite file when PostgreSQL is configured");
    }
}
