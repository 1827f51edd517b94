using Microsoft.Data.Sqlite;
using Npgsql;
using Runtime.Hosting;

namespace Runtime.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test: a SQLite file in a fresh directory, or a fresh PostgreSQL schema
/// on the server the test command started (connection string in INSTAGRAM_TEST_POSTGRES). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INSTAGRAM_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestDatabase(StorageKind kind, DatabaseSpec spec, Func<Task> drop)
    {
        Kind = kind;
        Spec = spec;
        _drop = drop;
    }

    public StorageKind Kind { get; }

    public DatabaseSpec Spec { get; }

    public static async Task<TestDatabase> CreateAsync(StorageKind kind) => kind switch
    {
        StorageKind.Sqlite => CreateSqlite(),
        StorageKind.Postgres => await CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public ValueTask DisposeAsync() => new(_drop());

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase(StorageKind.Sqlite, DatabaseSpec.SqliteFile(Path.Combine(directory, "runtime.db")), () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: {PostgresVariable} is not set. Run the README's test command (scripts/test.sh), which starts one.");
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString();
        return new TestDatabase(StorageKind.Postgres, DatabaseSpec.Postgres(connectionString), () => ExecuteAsync(admin, $"DROP SCHEMA {schema} CASCADE"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
