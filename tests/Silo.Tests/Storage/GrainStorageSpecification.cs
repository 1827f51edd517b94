using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Silo.Tests.Infrastructure;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Storage;

/// <summary>
/// The grain storage the product's grains get — our <c>SqliteGrainStorage</c> embedded, Orleans' ADO.NET
/// provider over our SQL on PostgreSQL — held to Orleans' <see cref="IGrainStorage"/> contract on the real
/// database: versions as ETags, conflicts as <see cref="InconsistentStateException"/>, cleared records, and
/// JSON that does not depend on class names.
/// </summary>
public abstract class GrainStorageSpecification(Database kind) : IAsyncLifetime
{
    private SiloDatabase _database = null!;
    private ProductSilo _silo = null!;

    private IGrainStorage Storage => _silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");

    public async Task InitializeAsync()
    {
        _database = await SiloDatabase.CreateAsync(kind);
        _silo = await ProductSilo.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Grain_state_survives_a_silo_restart()
    {
        var key = Guid.NewGuid().ToString("N");
        await _silo.Grains.GetGrain<ICounterGrain>(key).AddAsync(5);
        await _silo.Grains.GetGrain<ICounterGrain>(key).AddAsync(37);

        await _silo.DisposeAsync();
        _silo = await ProductSilo.StartAsync(_database);

        Assert.Equal(42, await _silo.Grains.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [Fact]
    public async Task A_write_reads_back_with_a_new_etag()
    {
        var id = NewGrainId();
        var written = State(new StoredShape { Name = "first", Count = 1, Tags = ["a", "b"] });

        await Storage.WriteStateAsync("shape", id, written);
        var read = State(new StoredShape());
        await Storage.ReadStateAsync("shape", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.ETag);
        Assert.Equal(("first", 1, "a,b"), (read.State.Name, read.State.Count, string.Join(',', read.State.Tags)));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        var id = NewGrainId();
        var first = State(new StoredShape { Name = "v1" });
        await Storage.WriteStateAsync("shape", id, first);
        var stale = State(new StoredShape { Name = "v1" }, first.ETag);

        first.State.Name = "v2";
        await Storage.WriteStateAsync("shape", id, first); // the row moves on
        stale.State.Name = "lost update";

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("shape", id, stale));
        Assert.Equal("v2", (await ReadAsync(id)).State.Name);
    }

    [Fact]
    public async Task Writing_a_first_version_over_an_existing_record_is_a_conflict()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync("shape", id, State(new StoredShape { Name = "there first" }));

        // A second activation that never read the record (so holds no ETag) must not overwrite it.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("shape", id, State(new StoredShape { Name = "duplicate" })));
        Assert.Equal("there first", (await ReadAsync(id)).State.Name);
    }

    [Fact]
    public async Task A_cleared_record_reads_as_a_fresh_default_and_an_etag_from_before_never_matches_again()
    {
        var id = NewGrainId();
        var state = State(new StoredShape { Name = "to clear", Count = 9 });
        await Storage.WriteStateAsync("shape", id, state);
        var beforeClear = state.ETag;

        await Storage.ClearStateAsync("shape", id, state);
        var read = await ReadAsync(id);

        Assert.False(read.RecordExists);
        Assert.Equal((string.Empty, 0), (read.State.Name, read.State.Count));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync("shape", id, State(new StoredShape { Name = "from before the clear" }, beforeClear)));

        read.State.Name = "after the clear";
        await Storage.WriteStateAsync("shape", id, read); // the etag the re-read returned is the one that works
        Assert.Equal("after the clear", (await ReadAsync(id)).State.Name);
    }

    [Fact]
    public async Task A_renamed_state_class_reads_the_rows_its_old_name_wrote()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync("shape", id, State(new StoredShape { Name = "kept", Count = 3, Tags = ["x"] }));

        var read = State(new RenamedShape());
        await Storage.ReadStateAsync("shape", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(("kept", 3, "x"), (read.State.Name, read.State.Count, string.Join(',', read.State.Tags)));
    }

    private static GrainId NewGrainId() => GrainId.Create("test-storage", Guid.NewGuid().ToString("N"));

    private static StateRecord<T> State<T>(T state, string? etag = null) => new() { State = state, ETag = etag };

    private async Task<StateRecord<StoredShape>> ReadAsync(GrainId id)
    {
        var read = State(new StoredShape());
        await Storage.ReadStateAsync("shape", id, read);
        return read;
    }

    /// <summary>What a grain's <c>IPersistentState</c> hands the storage: the state, its ETag, whether it is stored.</summary>
    public sealed class StateRecord<T> : IGrainState<T>
    {
        public required T State { get; set; }

        // Storage always sets a state (a fresh default when nothing is stored), so it is never null here.
        T? IGrainState<T>.State
        {
            get => State;
            set => State = value!;
        }

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }

    /// <summary>A state class as first written.</summary>
    public sealed class StoredShape
    {
        public string Name { get; set; } = string.Empty;

        public int Count { get; set; }

        public List<string> Tags { get; set; } = [];
    }

    /// <summary>The same state after a rename of its class (and a move to another namespace would be the same).</summary>
    public sealed class RenamedShape
    {
        public string Name { get; set; } = string.Empty;

        public int Count { get; set; }

        public List<string> Tags { get; set; } = [];
    }
}

public sealed class GrainStorageOnSqlite() : GrainStorageSpecification(Database.Sqlite);

public sealed class GrainStorageOnPostgres() : GrainStorageSpecification(Database.Postgres);
