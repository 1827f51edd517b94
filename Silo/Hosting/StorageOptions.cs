namespace Instagram.Silo.Hosting;

/// <summary>
/// Where the silo keeps grain state, reminders and stream events (configuration section <c>Storage</c>).
/// Embedded mode: a SQLite file in <see cref="DataDirectory"/>. Cluster mode: the PostgreSQL database
/// of <see cref="PostgresConnectionString"/>, shared by every silo.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Environment variable that sets the default of <see cref="DataDirectory"/>.</summary>
    public const string DataDirectoryVariable = "INSTAGRAM_DATA_DIR";

    /// <summary>Name of the embedded mode's SQLite file inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "instagram.db";

    /// <summary>
    /// Directory for the files this node keeps locally (the embedded mode's database). Relative paths
    /// are resolved against the working directory at start-up; the directory is created if missing.
    /// Default: <c>$INSTAGRAM_DATA_DIR</c>, else <c>./data</c>.
    /// </summary>
    public string DataDirectory { get; set; } =
        Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } directory ? directory : "data";

    /// <summary>Npgsql connection string. Default: none, which selects SQLite in <see cref="DataDirectory"/>.</summary>
    public string? PostgresConnectionString { get; set; }
}
