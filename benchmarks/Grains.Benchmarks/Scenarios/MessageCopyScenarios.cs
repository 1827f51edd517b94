using Grains.Benchmarks.BenchmarkGrains;
using Grains.Benchmarks.Hosting;
using Grains.Benchmarks.Measuring;
using Grains.Benchmarks.Messages;

namespace Grains.Benchmarks.Scenarios;

/// <param name="ImmutableNanoseconds">Median time per call with the [Immutable] message.</param>
/// <param name="CopiedNanoseconds">Median time per call with the same message without [Immutable].</param>
/// <param name="ImmutableCpuNanoseconds">The process's CPU time per call with the [Immutable] message, over all rounds.</param>
/// <param name="CopyAloneNanoseconds">Orleans' copier on the copied message alone, as the proxy runs it (a pooled copy context and the deep copy). An [Immutable] argument is assigned, never copied.</param>
internal sealed record MessageCopyRow(
    string Message,
    double ImmutableNanoseconds,
    double CopiedNanoseconds,
    double ImmutableCpuNanoseconds,
    double CopiedCpuNanoseconds,
    double ImmutableBytesPerCall,
    double CopiedBytesPerCall,
    double CopyAloneNanoseconds);

/// <summary>
/// The price of a message Orleans must copy: the same grain-to-grain call (one sender grain, one call at a
/// time, to one sink grain) with each message shape, marked [Immutable] and not. The difference is a few
/// per cent of a call for small messages, within the machine's noise, so the two alternate in short rounds
/// and each keeps its median round: drift from other work on the machine hits both alike.
/// </summary>
internal static class MessageCopyScenarios
{
    private const int Rounds = 10;
    private static readonly TimeSpan s_roundWarmup = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_copyAloneTiming = TimeSpan.FromMilliseconds(300);

    public static async Task<IReadOnlyList<MessageCopyRow>> MeasureAsync(BenchmarkSilo silo, GrainBenchmarkOptions options)
    {
        var sender = silo.Grains.GetGrain<IMessageSenderGrain>(0);
        var warmup = new LoadTiming(options.Timing.Warmup, TimeSpan.FromMilliseconds(100));
        var round = new LoadTiming(s_roundWarmup, options.Timing.Window / Rounds);
        var rows = new List<MessageCopyRow>();
        foreach (var (shape, name) in new[]
        {
            (MessageShape.Entry, "entry (2 longs)"),
            (MessageShape.IdPage, $"page of {options.PageSize:N0} post IDs (ImmutableArray<long>)"),
            (MessageShape.EntryPage, $"page of {options.PageSize:N0} entries (ImmutableArray<entry>)"),
        })
        {
            await sender.SendAsync(shape, immutable: true, options.PageSize, warmup.StartingNow());
            await sender.SendAsync(shape, immutable: false, options.PageSize, warmup.StartingNow());
            var immutableRounds = new List<MeasuredWindow>();
            var copiedRounds = new List<MeasuredWindow>();
            for (var i = 0; i < Rounds; i++)
            {
                immutableRounds.Add(await sender.SendAsync(shape, immutable: true, options.PageSize, round.StartingNow()));
                copiedRounds.Add(await sender.SendAsync(shape, immutable: false, options.PageSize, round.StartingNow()));
            }

            rows.Add(new MessageCopyRow(
                name,
                MedianNanosecondsPerCall(immutableRounds),
                MedianNanosecondsPerCall(copiedRounds),
                CpuNanosecondsPerCall(immutableRounds),
                CpuNanosecondsPerCall(copiedRounds),
                BytesPerCall(immutableRounds),
                BytesPerCall(copiedRounds),
                SampleMessages.CopyNanoseconds(silo.Services, SampleMessages.Create(shape, immutable: false, options.PageSize), s_copyAloneTiming)));
        }

        return rows;
    }

    private static double MedianNanosecondsPerCall(IReadOnlyList<MeasuredWindow> rounds) =>
        rounds.Select(r => r.NanosecondsPerCall).Order().ElementAt(rounds.Count / 2);

    private static double CpuNanosecondsPerCall(IReadOnlyList<MeasuredWindow> rounds) =>
        rounds.Sum(r => r.RunCost.Cpu.TotalNanoseconds) / rounds.Sum(r => r.RunCalls);

    private static double BytesPerCall(IReadOnlyList<MeasuredWindow> rounds) =>
        rounds.Sum(r => (double)r.RunCost.AllocatedBytes) / rounds.Sum(r => r.RunCalls);
}
