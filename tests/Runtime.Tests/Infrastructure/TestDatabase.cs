using Microsoft.Data.Sqlite;
using Runtime.Hosting;

namespace Runtime.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test: a SQLite file in a fresh directory, or a fresh PostgreSQL schema
/// on the server the test command started. Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    private TestDatabase(DatabaseSpec spec, Func<ValueTask> drop)
    {
        Spec = spec;
        _drop = drop;
    }

    public DatabaseSpec Spec { get; }

    public static async Task<TestDatabase> CreateAsync(StorageKind kind)
    {
        switch (kind)
        {
            case StorageKind.Sqlite:
                var directory = new TestDirectory("runtime-tests");
                return new TestDatabase(DatabaseSpec.SqliteFile(Path.Combine(directory.Path, "runtime.db")), () =>
                {
                    SqliteConnection.ClearAllPools();
                    directory.Dispose();
                    return ValueTask.CompletedTask;
                });
            case StorageKind.Postgres:
                var schema = await TemporaryPostgresSchema.CreateAsync();
                return new TestDatabase(DatabaseSpec.Postgres(schema.ConnectionString), schema.DisposeAsync);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public ValueTask DisposeAsync() => _drop();
}
