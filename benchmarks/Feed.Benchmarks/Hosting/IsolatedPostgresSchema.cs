using Npgsql;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// A fresh schema on the benchmark's PostgreSQL server, dropped on dispose. The connection string sets it
/// as the search path, so the app's unqualified tables are created and read there and no run sees another's.
/// </summary>
internal sealed class IsolatedPostgresSchema : IAsyncDisposable
{
    private readonly string _server;

    private IsolatedPostgresSchema(string server, string schema)
    {
        _server = server;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public static async Task<IsolatedPostgresSchema> CreateAsync(string server)
    {
        var schema = new IsolatedPostgresSchema(server, "feed_bench_" + Guid.NewGuid().ToString("N"));
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
