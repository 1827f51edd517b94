using Npgsql;

namespace TestSupport;

/// <summary>
/// A schema of its own for one test on the PostgreSQL server the test command starts (its connection
/// string is in INSTAGRAM_TEST_POSTGRES), dropped afterwards. Tests in parallel never see each other's tables.
/// </summary>
public sealed class TemporaryPostgresSchema : IAsyncDisposable
{
    public const string ServerVariable = "INSTAGRAM_TEST_POSTGRES";

    private readonly string _server;

    private TemporaryPostgresSchema(string server, string schema)
    {
        _server = server;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public string Schema { get; }

    /// <summary>Connects with the schema as search path, so unqualified tables land in it.</summary>
    public string ConnectionString { get; }

    public static async Task<TemporaryPostgresSchema> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException(
                $"This test needs PostgreSQL: {ServerVariable} is not set. Run the README's test command (scripts/test.sh), which starts a server.");
        }

        return await CreateAsync(server, "t_");
    }

    /// <summary>A fresh schema named <paramref name="prefix"/> and a GUID on <paramref name="server"/> (benchmarks bring their own server).</summary>
    public static async Task<TemporaryPostgresSchema> CreateAsync(string server, string prefix)
    {
        var schema = new TemporaryPostgresSchema(server, prefix + Guid.NewGuid().ToString("N"));
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Schema}");
        return schema;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA {Schema} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
