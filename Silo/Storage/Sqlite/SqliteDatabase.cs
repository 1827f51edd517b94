using Microsoft.Data.Sqlite;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Storage.Sqlite;

/// <summary>
/// A SQLite file in WAL mode: reads run on pooled connections in parallel with the single group-commit
/// writer (<see cref="SqliteWriter"/>). The embedded default: no server to install.
/// </summary>
public sealed class SqliteDatabase : RelationalDatabase
{
    private readonly string _connectionString;
    private readonly SqliteWriter _writer;

    static SqliteDatabase() => _ = SqliteNativeLibrary.LoadWithSymbolsBound();

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("The SQLite database must be a file: in-memory databases lose acknowledged writes.", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
        Description = "sqlite:" + Path.GetFullPath(builder.DataSource);
        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand("PRAGMA journal_mode = WAL;");
            command.ExecuteNonQuery();
        }

        _writer = new SqliteWriter(_connectionString, Description);
    }

    public override string Dialect => "sqlite";

    public override string Description { get; }

    public override async Task<TResult> ReadAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public override Task<TResult> WriteAsync<TResult>(RelationalWork<TResult> work, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(work, cancellationToken);

    public override ValueTask DisposeAsync() => _writer.DisposeAsync();
}
