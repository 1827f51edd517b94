using Silo.Tests.Infrastructure;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Grains;

/// <summary>
/// What every grain of the product counts on: a non-reentrant grain runs one request at a time, awaits
/// included, and only methods marked [AlwaysInterleave] run beside a waiting one.
/// </summary>
public sealed class TurnSchedulingSpecification : IAsyncLifetime
{
    private SiloDatabase _database = null!;
    private ProductSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _database = await SiloDatabase.CreateAsync(Database.Sqlite);
        _silo = await ProductSilo.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Turns_of_a_non_reentrant_grain_never_overlap_under_heavy_concurrency()
    {
        var probe = _silo.Grains.GetGrain<ITurnProbeGrain>(Guid.NewGuid());

        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(probe.EnterAsync)));

        Assert.Equal(1, await probe.MaxInsideAsync());
    }

    [Fact]
    public async Task A_waiting_turn_holds_back_other_requests_but_not_always_interleave_reads()
    {
        var key = Guid.NewGuid();
        var probe = _silo.Grains.GetGrain<ITurnProbeGrain>(key);
        var held = probe.HoldAsync();
        await Eventually.TrueAsync(async () => await probe.InsideAsync() == 1, "the held request is inside, and a read got past it");

        var queued = probe.EnterAsync();
        Assert.Equal(1, await probe.InsideAsync()); // the queued request has not entered: only the held one is inside
        Assert.False(queued.IsCompleted);

        TurnProbeGrain.Gates[key].SetResult();
        await Task.WhenAll(held, queued);
        Assert.Equal(1, await probe.MaxInsideAsync());
    }
}
