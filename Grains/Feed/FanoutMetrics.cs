using System.Diagnostics.Metrics;

namespace Instagram.Grains.Feed;

/// <summary>
/// The fan-out's instruments (meter <c>Instagram.Feed</c>): posts delivered, pushed or pulled; timeline
/// pushes made; how long a post's delivery took from its first push to its last; timelines given up on.
/// </summary>
public sealed class FanoutMetrics : IDisposable
{
    public const string MeterName = "Instagram.Feed";

    private readonly Meter _meter;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _timelinePushes;
    private readonly Histogram<double> _delivery;
    private readonly Counter<long> _unreached;

    public FanoutMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _posts = _meter.CreateCounter<long>("instagram.fanout.posts", description: "Posts delivered to followers' feeds, by mode: push (into timelines) or pull (into the celebrity's outbox).");
        _timelinePushes = _meter.CreateCounter<long>("instagram.fanout.timeline_pushes", description: "Timelines a post was pushed into.");
        _delivery = _meter.CreateHistogram<double>("instagram.fanout.duration", "s", "Time to deliver one post to every follower's feed.");
        _unreached = _meter.CreateCounter<long>("instagram.fanout.timelines_unreached", description: "Timelines that refused a post through every retry round; the post moved on without them.");
    }

    public void Delivered(bool pulled, long timelinePushes, TimeSpan elapsed)
    {
        _posts.Add(1, new KeyValuePair<string, object?>("mode", pulled ? "pull" : "push"));
        _timelinePushes.Add(timelinePushes);
        _delivery.Record(elapsed.TotalSeconds);
    }

    public void Unreached(long timelines) => _unreached.Add(timelines);

    public void Dispose() => _meter.Dispose();
}
