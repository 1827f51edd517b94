using System.Collections.Immutable;
using System.Diagnostics;
using Grains.Benchmarks.BenchmarkGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grains.Benchmarks.Messages;

/// <summary>The message of each shape the benchmark sends, built once and sent over and over.</summary>
internal static class SampleMessages
{
    public static object Create(MessageShape shape, bool immutable, int pageSize) => (shape, immutable) switch
    {
        (MessageShape.Entry, true) => new ImmutableEntry(FirstPostId, AuthorId: 42),
        (MessageShape.Entry, false) => new CopiedEntry(FirstPostId, AuthorId: 42),
        (MessageShape.IdPage, true) => new ImmutableIdPage(PostIds(pageSize)),
        (MessageShape.IdPage, false) => new CopiedIdPage(PostIds(pageSize)),
        (MessageShape.EntryPage, true) => new ImmutableEntryPage([.. PostIds(pageSize).Select(id => new ImmutableEntry(id, id % 1000))]),
        (MessageShape.EntryPage, false) => new CopiedEntryPage([.. PostIds(pageSize).Select(id => new CopiedEntry(id, id % 1000))]),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>A call of the sink's method typed for <paramref name="message"/>.</summary>
    public static Func<Task> SendTo(IMessageSinkGrain sink, object message) => message switch
    {
        ImmutableEntry m => () => sink.AcceptAsync(m),
        CopiedEntry m => () => sink.AcceptAsync(m),
        ImmutableIdPage m => () => sink.AcceptAsync(m),
        CopiedIdPage m => () => sink.AcceptAsync(m),
        ImmutableEntryPage m => () => sink.AcceptAsync(m),
        CopiedEntryPage m => () => sink.AcceptAsync(m),
        _ => throw new ArgumentException($"Not a benchmark message: {message.GetType()}", nameof(message)),
    };

    /// <summary>
    /// Nanoseconds Orleans' deep copier (the silo's own, from <paramref name="services"/>) takes for the
    /// message alone, with no call around it: what [Immutable] saves per call, without the call's noise.
    /// </summary>
    public static double CopyNanoseconds(IServiceProvider services, object message, TimeSpan duration) => message switch
    {
        ImmutableEntry m => TimeCopies(services, m, duration),
        CopiedEntry m => TimeCopies(services, m, duration),
        ImmutableIdPage m => TimeCopies(services, m, duration),
        CopiedIdPage m => TimeCopies(services, m, duration),
        ImmutableEntryPage m => TimeCopies(services, m, duration),
        CopiedEntryPage m => TimeCopies(services, m, duration),
        _ => throw new ArgumentException($"Not a benchmark message: {message.GetType()}", nameof(message)),
    };

    private const long FirstPostId = 7_340_032_123_456;

    /// <summary>Descending, time-sortable-looking IDs, as a feed page holds them.</summary>
    private static ImmutableArray<long> PostIds(int count) => [.. Enumerable.Range(0, count).Select(i => FirstPostId - i * 4096L)];

    private static double TimeCopies<TMessage>(IServiceProvider services, TMessage message, TimeSpan duration)
    {
        var copier = services.GetRequiredService<DeepCopier<TMessage>>();
        for (var i = 0; i < 1000; i++)
        {
            copier.Copy(message); // warm-up: JIT, the copy context pool
        }

        long copies = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            for (var i = 0; i < 100; i++)
            {
                copier.Copy(message);
            }

            copies += 100;
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / copies;
    }
}
