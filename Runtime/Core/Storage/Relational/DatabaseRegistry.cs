using System.Collections.Concurrent;

namespace Runtime.Storage.Relational;

/// <summary>
/// The databases the silo uses, one instance per connection string however many providers share it
/// (one SQLite writer per file, one Npgsql pool per server). Migrated at start-up, checked by /readyz.
/// </summary>
public sealed class DatabaseRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RelationalDatabase>> _databases = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RelationalDatabase> Databases =>
        _databases.Values.Where(d => d.IsValueCreated).Select(d => d.Value).ToList();

    public RelationalDatabase GetOrAdd(string dialect, string connectionString, Func<string, RelationalDatabase> create) =>
        _databases.GetOrAdd(dialect + "|" + connectionString, _ => new Lazy<RelationalDatabase>(() => create(connectionString))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in Databases)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }

        _databases.Clear();
    }
}
