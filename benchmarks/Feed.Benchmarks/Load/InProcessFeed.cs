using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Feed.Benchmarks.Hosting;
using Instagram.ApiFrontend.Posts;
using Instagram.Grains.Feed;
using Microsoft.Extensions.Options;

namespace Feed.Benchmarks.Load;

/// <summary>Feed pages made in-process, and where their time went (averages per page).</summary>
internal sealed record InProcessResult(long Pages, TimeSpan Elapsed, TimeSpan CpuPerPage, TimeSpan Timeline, TimeSpan Hydration, TimeSpan Serialization)
{
    public double PerSecond => Pages / Elapsed.TotalSeconds;
}

/// <summary>
/// The feed endpoint's work without HTTP: the timeline page, PostReader's hydration and the JSON the API
/// writes, in closed loops (as many as wrk's connections) over the readers. Diagnostic: set against the
/// baseline it tells whether the grains or the HTTP stack hold the feed back.
/// </summary>
internal static class InProcessFeed
{
    public static async Task<InProcessResult> MeasureAsync(ProductHost host, IReadOnlyList<long> readerIds, int loops, TimeSpan window)
    {
        var reader = host.Services.GetRequiredService<PostReader>();
        var json = host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        // Variant URLs are built from the request's scheme and host, as behind Kestrel.
        var http = new DefaultHttpContext();
        http.Request.Scheme = host.Address.Scheme;
        http.Request.Host = new HostString(host.Address.Authority);

        long pages = 0, timelineTicks = 0, hydrationTicks = 0, serializationTicks = 0, next = 0;
        var before = ProcessLoad.Read();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Task.Run(async () =>
        {
            while (clock.Elapsed < window)
            {
                var viewerId = readerIds[(int)(Interlocked.Increment(ref next) % readerIds.Count)];
                var started = Stopwatch.GetTimestamp();
                var entries = await host.Grains.GetGrain<ITimelineGrain>(viewerId).GetPageAsync(null, 20);
                var paged = Stopwatch.GetTimestamp();
                var posts = await reader.ViewAllAsync([.. entries.Items.Select(e => e.PostId)], viewerId, AuthorCheck.Done, http.Request);
                var hydrated = Stopwatch.GetTimestamp();
                new PostListResult(posts, entries.Next?.Encode(), entries.Next is not null).WriteTo(new ArrayBufferWriter<byte>(32 * 1024), json);
                var written = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref pages);
                Interlocked.Add(ref timelineTicks, paged - started);
                Interlocked.Add(ref hydrationTicks, hydrated - paged);
                Interlocked.Add(ref serializationTicks, written - hydrated);
            }
        })));
        var elapsed = clock.Elapsed;
        var cost = ProcessLoad.Read().Since(before, pages);
        TimeSpan PerPage(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency / Math.Max(1, pages));
        return new InProcessResult(pages, elapsed, cost.CpuPerRequest, PerPage(timelineTicks), PerPage(hydrationTicks), PerPage(serializationTicks));
    }
}
