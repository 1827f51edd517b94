using Instagram.Silo.Storage;
using Instagram.Silo.Storage.Postgres;
using Instagram.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Instagram.Silo.Hosting;

/// <summary>The two databases a node can keep its data in.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file in the data directory: embedded mode, one silo.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo: cluster configuration.</summary>
    Postgres,
}

/// <summary>
/// The database the silo uses, decided once at start-up from <see cref="StorageOptions"/>, with a
/// description that is safe to log (connection strings may hold passwords).
/// </summary>
public sealed record StorageChoice(DatabaseKind Kind, string ConnectionString, string DataDirectory, string Description)
{
    // Keep the connection string (which may hold a password) out of logs and exceptions.
    public override string ToString() => Description;

    /// <summary>Opens the database (one instance per node: one SQLite writer per file, one Npgsql pool).</summary>
    public RelationalDatabase Open() => Kind switch
    {
        DatabaseKind.Sqlite => new SqliteDatabase(ConnectionString),
        _ => new PostgresDatabase(ConnectionString),
    };

    /// <summary>Validates the options, resolves and creates the data directory, and picks the database.</summary>
    /// <exception cref="OptionsValidationException">The options make no sense.</exception>
    public static StorageChoice From(StorageOptions options)
    {
        var dataDirectory = ResolveDataDirectory(options.DataDirectory);
        if (!string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            return new StorageChoice(
                DatabaseKind.Postgres,
                options.PostgresConnectionString,
                dataDirectory,
                DescribePostgres(options.PostgresConnectionString));
        }

        var file = Path.Combine(dataDirectory, StorageOptions.SqliteFileName);
        return new StorageChoice(DatabaseKind.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), dataDirectory, $"SQLite file {file}");
    }

    private static string ResolveDataDirectory(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw Invalid($"{nameof(StorageOptions.DataDirectory)} must name a directory.");
        }

        string directory;
        try
        {
            directory = Path.GetFullPath(configured);
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Invalid($"{nameof(StorageOptions.DataDirectory)} '{configured}' cannot be used: {exception.Message}");
        }

        return directory;
    }

    // Host, port and database only: enough to tell which server, never the credentials.
    private static string DescribePostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            // The message names the offending keyword, not the value, so it is safe to surface.
            throw Invalid($"{nameof(StorageOptions.PostgresConnectionString)} is malformed: {exception.Message}");
        }

        return $"PostgreSQL {parsed.Host}:{parsed.Port}/{parsed.Database}";
    }

    private static OptionsValidationException Invalid(string failure) =>
        new(StorageOptions.SectionName, typeof(StorageOptions), [failure]);
}
