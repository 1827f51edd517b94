using Instagram.Silo.Media.Imaging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Silo.CrashHost;

/// <summary>
/// SQLite's WAL auto-checkpoint after libvips started: libvips's openslide module brings the system's
/// libsqlite3 into the process, whose functions must not take over calls inside the product's SQLite.
/// </summary>
internal static class SqliteCommands
{
    private const int Rows = 6000; // 6 MB of rows: past the auto-checkpoint's 1 000 pages of WAL more than once

    public static async Task CheckpointAfterVipsAsync(IHost host)
    {
        _ = host.Services.GetRequiredService<IImageProcessor>(); // starts libvips and loads its modules
        var systemSqlite = File.ReadLines("/proc/self/maps").Any(line => line.Contains("/libsqlite3.so", StringComparison.Ordinal));
        Console.Out.WriteLine("system sqlite loaded: " + (systemSqlite ? "yes" : "no"));

        var path = Path.Combine(Environment.GetEnvironmentVariable("INSTAGRAM_DATA_DIR")!, "checkpoint-probe.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);");
        var payload = new byte[1000];
        for (var row = 0; row < Rows; row++)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO probe (payload) VALUES ($payload)";
            insert.Parameters.AddWithValue("$payload", payload);
            await insert.ExecuteNonQueryAsync(); // each commit past the threshold checkpoints (sqlite3_wal_checkpoint)
        }

        Console.Out.WriteLine("checkpointed");
        await host.StopAsync();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
