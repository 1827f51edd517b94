using Npgsql;
using Runtime.Hosting;

namespace Runtime.Benchmarks;

/// <summary>Durable state writes through the runtime to SQLite (group commit) and PostgreSQL.</summary>
internal static class WriteBenchmarks
{
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var results = new List<LoadResult>();
        var directory = Path.Combine(Path.GetTempPath(), "runtime-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var silo = await BenchmarkSilo.StartAsync(DatabaseSpec.SqliteFile(Path.Combine(directory, "bench.db"))))
            {
                results.Add(await MeasureWritesAsync("sqlite (WAL, synchronous=FULL)", silo, options));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        if (options.PostgresConnectionString is { } admin)
        {
            var schema = "bench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(admin, $"CREATE SCHEMA {schema}");
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString();
                await using var silo = await BenchmarkSilo.StartAsync(DatabaseSpec.Postgres(connectionString));
                results.Add(await MeasureWritesAsync("postgres (fsync on)", silo, options));
            }
            finally
            {
                await ExecuteAsync(admin, $"DROP SCHEMA {schema} CASCADE");
            }
        }
        else
        {
            report.Note("PostgreSQL skipped: INSTAGRAM_TEST_POSTGRES is not set (scripts/bench.sh starts a server).");
        }

        report.WriteTable(results);
    }

    /// <summary>Each writer is its own grain, writing its state in a loop.</summary>
    private static Task<LoadResult> MeasureWritesAsync(string storage, BenchmarkSilo silo, BenchmarkOptions options) =>
        ClosedLoop.MeasureAsync(
            storage,
            options.Writers,
            writer =>
            {
                var grain = silo.Grains.GetGrain<IWriterGrain>(writer);
                return _ => grain.WriteAsync();
            },
            options.Warmup,
            options.Window);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
