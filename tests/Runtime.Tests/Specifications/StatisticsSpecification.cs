using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

public abstract class StatisticsSpecification(StorageKind storage, ITestOutputHelper output) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task Statistics_count_activations_calls_errors_and_latency_per_grain_type_and_method()
    {
        var silo = await StartSiloAsync();
        for (var key = 0; key < 3; key++)
        {
            var grain = silo.Grains.GetGrain<ICounterGrain>("measured-" + key);
            for (var i = 0; i < 10; i++)
            {
                await grain.IncrementAsync();
            }

            await Assert.ThrowsAsync<GrainTestException>(() => grain.ThrowAsync("counted"));
        }

        var counter = silo.Statistics.GetSnapshot().GrainTypes.Single(t => t.GrainType == "counter");
        var increments = counter.Methods.Single(m => m.Method == "IncrementAsync");
        var throws = counter.Methods.Single(m => m.Method == "ThrowAsync");

        Assert.Equal(3, counter.ActiveActivations);
        Assert.Equal(3, counter.ActivationsCreated);
        Assert.Equal((30, 0), (increments.Calls, increments.Errors));
        Assert.Equal((3, 3), (throws.Calls, throws.Errors));
        Assert.Equal(30, increments.Histogram.Sum(b => b.Count));
        Assert.True(increments.P50 > TimeSpan.Zero && increments.P50 <= increments.P99);
        Assert.Equal("Runtime.TestGrains.ICounterGrain", increments.Interface);
    }
}

public sealed class StatisticsOnSqlite(ITestOutputHelper output) : StatisticsSpecification(StorageKind.Sqlite, output);

public sealed class StatisticsOnPostgres(ITestOutputHelper output) : StatisticsSpecification(StorageKind.Postgres, output);
