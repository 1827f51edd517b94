using System.Diagnostics.Metrics;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// The frontend's own instruments (meter <c>Instagram.Api</c>), beside ASP.NET Core's request metrics: the
/// two latencies the seeds set goals for (feed load, upload acknowledgment) and how often lists of posts
/// are written from ready renderings (post cards) rather than from grains.
/// </summary>
public sealed class ApiMetrics : IDisposable
{
    public const string MeterName = "Instagram.Api";

    private readonly Meter _meter;
    private readonly Histogram<double> _feedReads;
    private readonly Histogram<double> _uploads;
    private readonly Counter<long> _cardHits;
    private readonly Counter<long> _cardMisses;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _feedReads = _meter.CreateHistogram<double>("instagram.feed.read.duration", "s", "Time to answer GET /feed: timeline, engagement and hydration.");
        _uploads = _meter.CreateHistogram<double>("instagram.upload.duration", "s", "Time from a multipart upload's first byte to its answer, by outcome (accepted: stored and queued).");
        _cardHits = _meter.CreateCounter<long>("instagram.post_cards.hits", description: "Posts of lists written from a current rendering.");
        _cardMisses = _meter.CreateCounter<long>("instagram.post_cards.misses", description: "Posts of lists rendered from their grains.");
    }

    public void FeedRead(TimeSpan elapsed) => _feedReads.Record(elapsed.TotalSeconds);

    public void Upload(TimeSpan elapsed, bool accepted) => _uploads.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "refused"));

    public void PostCards(int hits, int misses)
    {
        _cardHits.Add(hits);
        _cardMisses.Add(misses);
    }

    public void Dispose() => _meter.Dispose();
}
