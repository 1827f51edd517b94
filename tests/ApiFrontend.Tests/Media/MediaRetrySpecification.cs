using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ApiFrontend.Tests.Infrastructure;
using Instagram.Silo.Media.Imaging;
using Instagram.Silo.Media.Processing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ApiFrontend.Tests.Media;

/// <summary>Processing that fails is retried with backoff; after the last attempt the job is dead-lettered and the media fails.</summary>
public sealed class MediaRetrySpecification : IDisposable
{
    private readonly SampleMedia _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task A_job_that_fails_twice_is_retried_and_then_succeeds()
    {
        var processor = new FlakyRenderer(failures: 2);
        await using var api = CreateApi(processor);
        using var metrics = new MediaMeasurements(api);
        using var client = await api.CreateClientForAsync(4001);

        var media = await client.SettledAsync(await client.UploadAcceptedAsync(await _samples.JpegAsync(400, 300)));

        Assert.Equal("ready", media.GetProperty("status").GetString());
        Assert.Equal(3, processor.Attempts);
        Assert.Equal(2, metrics.Total("instagram.media.jobs.retried"));
        Assert.Equal(0, metrics.Total("instagram.media.jobs.dead_lettered"));
        Assert.Equal(3, metrics.Count("instagram.media.processing.duration"));
    }

    [Fact]
    public async Task A_job_that_always_fails_is_dead_lettered_after_three_attempts_and_the_media_fails()
    {
        var processor = new FlakyRenderer(failures: int.MaxValue);
        await using var api = CreateApi(processor);
        using var metrics = new MediaMeasurements(api);
        using var client = await api.CreateClientForAsync(4002);

        var media = await client.SettledAsync(await client.UploadAcceptedAsync(await _samples.JpegAsync(400, 300)));

        Assert.Equal("failed", media.GetProperty("status").GetString());
        Assert.Contains("3 times", media.GetProperty("failure").GetString());
        Assert.Equal(3, processor.Attempts);
        await Eventually.TrueAsync(() => metrics.Total("instagram.media.jobs.dead_lettered") == 1, "the dead letter is counted");
        Assert.Equal(2, metrics.Total("instagram.media.jobs.retried"));
    }

    [Fact]
    public async Task Status_reads_answer_at_once_while_a_job_holds_the_grain()
    {
        var processor = new FlakyRenderer(failures: 0) { Gate = new SemaphoreSlim(0) };
        await using var api = CreateApi(processor);
        using var client = await api.CreateClientForAsync(4003);

        var mediaId = await client.UploadAcceptedAsync(await _samples.JpegAsync(400, 300));
        await Eventually.TrueAsync(() => processor.Attempts == 1, "the job is running (and blocked)");
        using (var poll = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            using var response = await client.GetAsync($"/api/v1/media/{mediaId}", poll.Token);
            Assert.Contains("\"processing\"", await response.Content.ReadAsStringAsync(poll.Token));
        }

        processor.Gate.Release();
        Assert.Equal("ready", (await client.SettledAsync(mediaId)).GetProperty("status").GetString());
    }

    private static EmbeddedApi CreateApi(FlakyRenderer processor) => new(
        new Dictionary<string, string> { ["Media:RetryDelay"] = "00:00:00.050" },
        services => services.AddSingleton<IImageProcessor>(provider =>
        {
            processor.Inner = ActivatorUtilities.CreateInstance<VipsImageProcessor>(provider);
            return processor;
        }));

    /// <summary>libvips, except that rendering fails the first <paramref name="failures"/> times (a worker dying, say).</summary>
    private sealed class FlakyRenderer(int failures) : IImageProcessor
    {
        private int _attempts;

        public IImageProcessor Inner { get; set; } = null!;

        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>When set, each render waits for a release: a job that takes as long as the test wants.</summary>
        public SemaphoreSlim? Gate { get; init; }

        public ImageHeader ReadHeader(string path) => Inner.ReadHeader(path);

        public RenderedImage Render(string path, IReadOnlyList<ImageVariantSpec> variants, long maxPixels)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            Gate?.Wait(TimeSpan.FromSeconds(30));
            return attempt <= failures ? throw new IOException("the worker lost its scratch disk") : Inner.Render(path, variants, maxPixels);
        }
    }

    /// <summary>Listens to the media meter of one app (its own meter factory), so parallel tests do not mix counts.</summary>
    private sealed class MediaMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _totals = new();
        private readonly ConcurrentDictionary<string, long> _counts = new();

        public MediaMeasurements(EmbeddedApi api)
        {
            var factory = api.Services.GetRequiredService<IMeterFactory>();
            _ = api.Services.GetRequiredService<MediaMetrics>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MediaMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Record(instrument.Name, 1));
            _listener.Start();
        }

        public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

        public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

        public void Dispose() => _listener.Dispose();

        private void Record(string instrument, long value)
        {
            _totals.AddOrUpdate(instrument, value, (_, total) => total + value);
            _counts.AddOrUpdate(instrument, 1, (_, count) => count + 1);
        }
    }
}
