using Runtime.Storage.Postgres;
using Runtime.Storage.Relational;
using Runtime.Storage.Sqlite;

namespace Runtime.Hosting;

/// <summary>Names a database for the silo's providers. Providers naming the same database share one instance.</summary>
public sealed record DatabaseSpec(string Dialect, string ConnectionString)
{
    public static DatabaseSpec Sqlite(string connectionString) => new("sqlite", connectionString);

    /// <summary>A SQLite file in a directory (created if missing).</summary>
    public static DatabaseSpec SqliteFile(string path) => Sqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path }.ToString());

    public static DatabaseSpec Postgres(string connectionString) => new("postgres", connectionString);

    internal RelationalDatabase Open() => Dialect switch
    {
        "sqlite" => new SqliteDatabase(ConnectionString),
        "postgres" => new PostgresDatabase(ConnectionString),
        _ => throw new NotSupportedException($"Unknown database dialect '{Dialect}'."),
    };

    // Keep connection strings (which may hold passwords) out of logs and exceptions.
    public override string ToString() => Dialect;
}

public static class DatabaseRegistryExtensions
{
    /// <summary>The silo's one instance of <paramref name="spec"/>'s database (application code shares it with the runtime).</summary>
    public static RelationalDatabase Get(this DatabaseRegistry registry, DatabaseSpec spec) =>
        registry.GetOrAdd(spec.Dialect, spec.ConnectionString, _ => spec.Open());
}
