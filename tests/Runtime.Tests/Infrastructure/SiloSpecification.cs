using Runtime.Hosting;
using Runtime.Streams;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Infrastructure;

/// <summary>
/// Base of the specifications: a database of the given kind for each test, silos started on it, all
/// stopped and dropped afterwards. Each specification has a SQLite and a PostgreSQL subclass.
/// </summary>
public abstract class SiloSpecification(StorageKind storage, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    protected TestDatabase Database { get; private set; } = null!;

    protected ITestOutputHelper Output => output;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(storage);

    public async Task DisposeAsync()
    {
        for (var i = _silos.Count - 1; i >= 0; i--)
        {
            await _silos[i].DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    protected async Task<TestSilo> StartSiloAsync(
        Action<SiloOptions>? configure = null,
        CrashPlan? crashPlan = null,
        Action<StreamDeliveryOptions>? streams = null)
    {
        var silo = await TestSilo.StartAsync(Database, output, configure, crashPlan, streams);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops a silo gracefully before the test ends (to restart on the same database).</summary>
    protected async Task StopSiloAsync(TestSilo silo)
    {
        _silos.Remove(silo);
        await silo.DisposeAsync();
    }
}
