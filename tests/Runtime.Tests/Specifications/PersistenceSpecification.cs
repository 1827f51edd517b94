using Microsoft.Extensions.DependencyInjection;
using Runtime.Storage;
using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class PersistenceSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        var first = await StartSiloAsync();
        var grain = first.Grains.GetGrain<IPersistentCounterGrain>("durable");
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        await StopSiloAsync(first);

        var second = await StartSiloAsync();

        Assert.Equal(2, await second.Grains.GetGrain<IPersistentCounterGrain>("durable").GetAsync());
    }

    [Fact]
    public async Task A_stale_write_fails_with_an_inconsistent_state_error()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = GrainId.Create("persistentcounter", "raced");
        var mine = new TestGrainState<CounterState>(new CounterState());
        var theirs = new TestGrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("counter", grainId, mine, CancellationToken.None);
        await storage.ReadStateAsync("counter", grainId, theirs, CancellationToken.None);

        theirs.State.Value = 10;
        await storage.WriteStateAsync("counter", grainId, theirs, CancellationToken.None);
        mine.State.Value = 20;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("counter", grainId, mine, CancellationToken.None));

        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal("2", conflict.StoredEtag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", grainId, mine, CancellationToken.None));
        var reread = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grainId, reread, CancellationToken.None);
        Assert.Equal(10, reread.State.Value);
    }

    [Fact]
    public async Task Inserting_state_that_already_exists_is_a_conflict()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = GrainId.Create("persistentcounter", "twice-new");
        await storage.WriteStateAsync("counter", grainId, new TestGrainState<CounterState>(new CounterState()), CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("counter", grainId, new TestGrainState<CounterState>(new CounterState()), CancellationToken.None));
    }

    [Fact]
    public async Task A_duplicate_activation_is_caught_by_its_stale_etag()
    {
        var one = await StartSiloAsync();
        var other = await StartSiloAsync();
        var inOne = one.Grains.GetGrain<IPersistentCounterGrain>("duplicated");
        var inOther = other.Grains.GetGrain<IPersistentCounterGrain>("duplicated");

        Assert.Equal(1, await inOne.IncrementAsync());   // version 1
        Assert.Equal(2, await inOther.IncrementAsync()); // activates reading version 1, writes version 2

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(inOne.IncrementAsync);
        Assert.Contains("duplicated", conflict.Message);
    }

    [Fact]
    public async Task Cleared_state_starts_again_from_its_default_and_its_version_moves_on()
    {
        var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IPersistentCounterGrain>("cleared");
        await grain.IncrementAsync();

        await grain.ClearAsync();

        Assert.Equal("2", await grain.GetEtagAsync()); // a tombstone: the version is not reused
        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal("3", await grain.GetEtagAsync());
    }

    [Fact]
    public async Task An_etag_from_before_a_clear_never_matches_again()
    {
        var silo = await StartSiloAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = GrainId.Create("persistentcounter", "recycled");
        var stale = new TestGrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync("counter", grainId, stale, CancellationToken.None);
        await storage.WriteStateAsync("counter", grainId, stale, CancellationToken.None); // holds version 2

        var other = new TestGrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grainId, other, CancellationToken.None);
        await storage.ClearStateAsync("counter", grainId, other, CancellationToken.None);
        other.State = new CounterState { Value = 7 };
        await storage.WriteStateAsync("counter", grainId, other, CancellationToken.None);
        await storage.WriteStateAsync("counter", grainId, other, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grainId, stale, CancellationToken.None));
    }

    [Fact]
    public async Task Re_reading_state_cleared_elsewhere_resets_it_to_its_default()
    {
        var one = await StartSiloAsync();
        var other = await StartSiloAsync();
        await one.Grains.GetGrain<IPersistentCounterGrain>("cleared-elsewhere").IncrementAsync();
        await other.Grains.GetGrain<IPersistentCounterGrain>("cleared-elsewhere").ClearAsync();

        var grain = one.Grains.GetGrain<IPersistentCounterGrain>("cleared-elsewhere");
        await grain.ReloadAsync();

        Assert.Equal(0, await grain.GetAsync());
    }

    private sealed class TestGrainState<T>(T state) : IGrainState<T>
    {
        public T State { get; set; } = state;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}

public sealed class PersistenceOnSqlite(ITestOutputHelper output) : PersistenceSpecification(StorageKind.Sqlite, output);

public sealed class PersistenceOnPostgres(ITestOutputHelper output) : PersistenceSpecification(StorageKind.Postgres, output);
