using Runtime.Streams;

namespace Runtime.TestGrains;

public sealed record Chirp(string Author, string Text, int Number);

public sealed class ChirpLogState
{
    public List<int> Numbers { get; set; } = [];

    public long LastSequence { get; set; }

    public int DuplicatesSkipped { get; set; }
}

/// <summary>Receives the "chirps" stream whose key is its own, idempotently.</summary>
public interface IChirpLogGrain : IGrainWithStringKey
{
    Task<ChirpLogState> GetAsync();
}

[ImplicitStreamSubscription(ChirpLogGrain.Namespace)]
public sealed class ChirpLogGrain([PersistentState("chirps")] IPersistentState<ChirpLogState> log, CrashPlan crashPlan)
    : Grain, IChirpLogGrain, IAsyncObserver<Chirp>
{
    public const string Namespace = "chirps";

    public async Task OnNextAsync(Chirp item, StreamSequenceToken token)
    {
        if (token.SequenceNumber <= log.State.LastSequence)
        {
            // Redelivered after a crash: already applied.
            log.State.DuplicatesSkipped++;
            await log.WriteStateAsync();
            return;
        }

        log.State.Numbers.Add(item.Number);
        log.State.LastSequence = token.SequenceNumber;
        await log.WriteStateAsync();
        await crashPlan.AfterAppliedAsync(item.Number);
    }

    public Task<ChirpLogState> GetAsync() => Task.FromResult(log.State);
}

/// <summary>
/// Lets the crash host simulate dying mid-delivery: after applying a chosen event, report it and never
/// acknowledge. Does nothing unless configured.
/// </summary>
public sealed class CrashPlan
{
    public int? HangAfterNumber { get; init; }

    public Action<int>? OnApplied { get; init; }

    public Task AfterAppliedAsync(int number)
    {
        OnApplied?.Invoke(number);
        return number == HangAfterNumber ? Task.Delay(Timeout.Infinite) : Task.CompletedTask;
    }
}

/// <summary>Fails its first deliveries, to exercise retries and dead letters.</summary>
public interface IFlakyConsumerGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<string>> GetReceivedAsync();
}

[ImplicitStreamSubscription(FlakyConsumerGrain.Namespace)]
public sealed class FlakyConsumerGrain(Probe probe) : Grain, IFlakyConsumerGrain, IAsyncObserver<string>
{
    public const string Namespace = "flaky";

    private readonly List<string> _received = [];

    public Task OnNextAsync(string item, StreamSequenceToken token)
    {
        probe.Record($"attempt:{item}");
        if (item.StartsWith("poison", StringComparison.Ordinal))
        {
            throw new GrainTestException($"cannot digest {item}");
        }

        if (item.StartsWith("fail-once", StringComparison.Ordinal) && probe.Count($"attempt:{item}") == 1)
        {
            throw new GrainTestException($"first attempt at {item} fails");
        }

        _received.Add(item);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetReceivedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _received]);
}

/// <summary>A grain that tries to subscribe to a stream explicitly, which grains may not do.</summary>
public interface ISelfSubscribingGrain : IGrainWithStringKey
{
    Task SubscribeAsync();
}

public sealed class SelfSubscribingGrain : Grain, ISelfSubscribingGrain, IAsyncObserver<Chirp>
{
    public Task SubscribeAsync() =>
        GetStreamProvider("Default").GetStream<Chirp>(StreamId.Create("chirps", IdentityString)).SubscribeAsync(this);

    public Task OnNextAsync(Chirp item, StreamSequenceToken token) => Task.CompletedTask;
}
