using Runtime.Tests.Infrastructure;
using Runtime.TestGrains;
using Xunit;
using Xunit.Abstractions;

namespace Runtime.Tests.Specifications;

/// <summary>Calls: errors, timeouts, isolation and references in messages. Run plain and across the message boundary.</summary>
public abstract class CallSpecification(StorageKind storage, ITestOutputHelper output, bool serializeMessages) : SiloSpecification(storage, output)
{
    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message()
    {
        var silo = await StartSiloAsync(Configure);
        var grain = silo.Grains.GetGrain<ICounterGrain>("thrower");

        var asynchronous = await Assert.ThrowsAsync<GrainTestException>(() => grain.ThrowAsync("boom after await"));
        var synchronous = await Assert.ThrowsAsync<GrainTestException>(() => grain.ThrowSynchronouslyAsync("boom at once"));

        Assert.Equal("boom after await", asynchronous.Message);
        Assert.Equal("boom at once", synchronous.Message);
        Assert.Equal(1, await grain.IncrementAsync()); // the activation survives its exceptions
    }

    [Fact]
    public async Task A_call_fails_with_a_timeout_when_the_grain_does_not_answer()
    {
        var silo = await StartSiloAsync(options =>
        {
            Configure(options);
            options.ResponseTimeout = TimeSpan.FromMilliseconds(300);
        });
        var grain = silo.Grains.GetGrain<ICounterGrain>("silent");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(grain.HangAsync);

        Assert.Contains("HangAsync", timeout.Message);
        Assert.Contains("counter/silent", timeout.Message);
        var method = silo.Statistics.GetSnapshot().GrainTypes.Single(t => t.GrainType == "counter").Methods.Single(m => m.Method == "HangAsync");
        Assert.Equal(1, method.Timeouts);
    }

    [Fact]
    public async Task Mutable_arguments_and_results_are_copied_at_the_call_boundary()
    {
        var silo = await StartSiloAsync(Configure);
        var grain = silo.Grains.GetGrain<IIsolationGrain>("mutable");

        var sent = new List<string> { "a", "b" };
        await grain.StoreAsync(sent);
        sent.Add("changed by the caller after the call");
        var received = await grain.GetStoredAsync();
        received.Add("changed by the caller in the result");

        Assert.Equal(["a", "b"], await grain.GetStoredAsync());
        Assert.NotSame(sent, await grain.EchoListAsync(sent));
    }

    [Fact]
    public async Task A_mutable_result_is_copied_before_the_grain_changes_it_again()
    {
        var silo = await StartSiloAsync(Configure);
        var grain = silo.Grains.GetGrain<IChangingListGrain>("changing");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var torn = 0;

        // Writers append in whole batches of 100; a copy taken while a batch is being appended shows a partial one.
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await grain.AddBatchAsync();
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if ((await grain.GetItemsAsync()).Count % 100 != 0)
                {
                    Interlocked.Increment(ref torn);
                }
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(0, torn);
    }

    [Fact]
    public async Task Grain_references_travel_inside_messages()
    {
        var silo = await StartSiloAsync(Configure);
        var counter = silo.Grains.GetGrain<ICounterGrain>("relayed");
        var relay = silo.Grains.GetGrain<IRelayGrain>(Guid.NewGuid());

        Assert.Equal(3, await relay.RelayAsync(new RelayOrder(counter, 3)));
        var returned = await relay.GetLastTargetAsync();

        Assert.Equal(counter, returned);
        Assert.Equal(4, await returned.IncrementAsync());
    }

    [Fact]
    public async Task A_call_to_a_grain_type_nobody_implements_fails_clearly()
    {
        var silo = await StartSiloAsync(Configure);
        var orphan = silo.Grains.GetGrain<IRemindable>(GrainId.Create("nobody", "x"));

        var failure = await Assert.ThrowsAsync<UnknownGrainTypeException>(() => orphan.ReceiveReminder("r", default));

        Assert.Equal("nobody", failure.GrainType);
    }

    protected void Configure(Hosting.SiloOptions options) => options.SerializeMessagesInProcess = serializeMessages;
}

public sealed class CallsOnSqlite(ITestOutputHelper output) : CallSpecification(StorageKind.Sqlite, output, serializeMessages: false)
{
    [Fact]
    public async Task Immutable_arguments_are_passed_by_reference()
    {
        var silo = await StartSiloAsync();
        var greeting = new Greeting("hello", 2);

        Assert.Same(greeting, await silo.Grains.GetGrain<IIsolationGrain>("immutable").EchoAsync(greeting));
    }
}

public sealed class CallsOnPostgres(ITestOutputHelper output) : CallSpecification(StorageKind.Postgres, output, serializeMessages: false);

/// <summary>Every call encoded and decoded as it would cross the network.</summary>
public sealed class CallsAcrossTheMessageBoundary(ITestOutputHelper output) : CallSpecification(StorageKind.Sqlite, output, serializeMessages: true)
{
    [Fact]
    public async Task Immutable_arguments_arrive_as_equal_copies()
    {
        var silo = await StartSiloAsync(Configure);
        var greeting = new Greeting("hello", 2);

        var echoed = await silo.Grains.GetGrain<IIsolationGrain>("wire").EchoAsync(greeting);

        Assert.Equal(greeting, echoed);
        Assert.NotSame(greeting, echoed);
    }
}
