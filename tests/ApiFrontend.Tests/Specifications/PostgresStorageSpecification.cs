using System.Net;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

/// <summary>Cluster-mode storage: a connection string in configuration moves the silo to PostgreSQL.</summary>
public sealed class PostgresStorageSpecification : IAsyncLifetime
{
    private const string PostgresVariable = "INSTAGRAM_TEST_POSTGRES";

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private string _admin = string.Empty;

    public async Task InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException($"This test needs PostgreSQL: {PostgresVariable} is not set. Run scripts/test.sh, which starts one.");
        await ExecuteAsync($"CREATE SCHEMA {_schema}");
    }

    public Task DisposeAsync() => ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");

    [Fact]
    public async Task Configured_postgres_connection_string_replaces_the_sqlite_file()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ToString();
        await using var api = new EmbeddedApi(new Dictionary<string, string> { ["Storage:PostgresConnectionString"] = connectionString });
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray()).GetProperty("data");
        var database = Assert.Single(data.EnumerateObject());
        Assert.StartsWith("postgres://", database.Name);
        Assert.EndsWith($"search_path={_schema}", database.Name);
        Assert.Equal("reachable", database.Value.GetString());
        Assert.False(File.Exists(Path.Combine(api.DataDirectory, "instagram.db")), "no SQLite file when PostgreSQL is configured");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
