using Grains.Benchmarks.Measuring;
using Grains.Benchmarks.Messages;

namespace Grains.Benchmarks.BenchmarkGrains;

/// <summary>
/// Receives each message kind through a method of its own, typed: a generic method would hide from the code
/// generator that a type is immutable, and the proxy would then look for a copier at run time on every call.
/// </summary>
[Alias("bench.IMessageSinkGrain")]
public interface IMessageSinkGrain : IGrainWithIntegerKey
{
    [Alias("AcceptImmutableEntry")]
    Task AcceptAsync(ImmutableEntry message);

    [Alias("AcceptCopiedEntry")]
    Task AcceptAsync(CopiedEntry message);

    [Alias("AcceptImmutableIdPage")]
    Task AcceptAsync(ImmutableIdPage message);

    [Alias("AcceptCopiedIdPage")]
    Task AcceptAsync(CopiedIdPage message);

    [Alias("AcceptImmutableEntryPage")]
    Task AcceptAsync(ImmutableEntryPage message);

    [Alias("AcceptCopiedEntryPage")]
    Task AcceptAsync(CopiedEntryPage message);
}

[GrainType("bench-message-sink")]
public sealed class MessageSinkGrain : Grain, IMessageSinkGrain
{
    public Task AcceptAsync(ImmutableEntry message) => Task.CompletedTask;

    public Task AcceptAsync(CopiedEntry message) => Task.CompletedTask;

    public Task AcceptAsync(ImmutableIdPage message) => Task.CompletedTask;

    public Task AcceptAsync(CopiedIdPage message) => Task.CompletedTask;

    public Task AcceptAsync(ImmutableEntryPage message) => Task.CompletedTask;

    public Task AcceptAsync(CopiedEntryPage message) => Task.CompletedTask;
}

/// <summary>Sends one message kind to the sink grain of the same key, one call at a time, from inside this grain.</summary>
[Alias("bench.IMessageSenderGrain")]
public interface IMessageSenderGrain : IGrainWithIntegerKey
{
    [Alias("Send")]
    [ResponseTimeout("00:10:00")]
    Task<MeasuredWindow> SendAsync(MessageShape shape, bool immutable, int pageSize, LoadWindow window);
}

[GrainType("bench-message-sender")]
public sealed class MessageSenderGrain : Grain, IMessageSenderGrain
{
    public Task<MeasuredWindow> SendAsync(MessageShape shape, bool immutable, int pageSize, LoadWindow window)
    {
        var sink = GrainFactory.GetGrain<IMessageSinkGrain>(this.GetPrimaryKeyLong());
        var send = SampleMessages.SendTo(sink, SampleMessages.Create(shape, immutable, pageSize));
        return ClosedLoop.RunAsync(1, _ => send, window);
    }
}
