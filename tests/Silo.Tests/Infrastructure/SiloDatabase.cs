namespace Silo.Tests.Infrastructure;

/// <summary>
/// Where a test's silos keep their data, surviving them: a SQLite file in a fresh directory, or a fresh
/// schema on the test command's PostgreSQL server (the directory then holds only local files such as media).
/// </summary>
public sealed class SiloDatabase : IAsyncDisposable
{
    private readonly TestDirectory _directory = new("silo-tests");
    private readonly TemporaryPostgresSchema? _schema;

    private SiloDatabase(Database kind, TemporaryPostgresSchema? schema)
    {
        Kind = kind;
        _schema = schema;
    }

    public Database Kind { get; }

    public string DataDirectory => _directory.Path;

    public string? PostgresConnectionString => _schema?.ConnectionString;

    public static async Task<SiloDatabase> CreateAsync(Database kind) =>
        new(kind, kind == Database.Postgres ? await TemporaryPostgresSchema.CreateAsync() : null);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }

        _directory.Dispose();
    }
}
