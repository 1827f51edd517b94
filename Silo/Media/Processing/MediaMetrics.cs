using System.Diagnostics.Metrics;

namespace Instagram.Silo.Media.Processing;

/// <summary>
/// The pipeline's instruments (meter <c>Instagram.Media</c>), for /metrics and the dashboard: how long jobs
/// take, how often they are retried, how many end in the dead letters or are rejected outright.
/// </summary>
public sealed class MediaMetrics : IDisposable
{
    public const string MeterName = "Instagram.Media";

    private readonly Meter _meter;
    private readonly Histogram<double> _processingSeconds;
    private readonly Counter<long> _jobsSucceeded;
    private readonly Counter<long> _jobsRejected;
    private readonly Counter<long> _jobsRetried;
    private readonly Counter<long> _jobsDeadLettered;

    public MediaMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _processingSeconds = _meter.CreateHistogram<double>("instagram.media.processing.duration", "s", "Time to process one media job attempt, by media type and outcome.");
        _jobsSucceeded = _meter.CreateCounter<long>("instagram.media.jobs.succeeded", description: "Jobs that produced their variants.");
        _jobsRejected = _meter.CreateCounter<long>("instagram.media.jobs.rejected", description: "Jobs whose media was unacceptable (failed without retry).");
        _jobsRetried = _meter.CreateCounter<long>("instagram.media.jobs.retried", description: "Attempts that repeat a job after a failed attempt.");
        _jobsDeadLettered = _meter.CreateCounter<long>("instagram.media.jobs.dead_lettered", description: "Jobs given up on after their last attempt.");
    }

    public void Processed(string mediaType, string outcome, TimeSpan elapsed)
    {
        _processingSeconds.Record(elapsed.TotalSeconds, new("media_type", mediaType), new("outcome", outcome));
        switch (outcome)
        {
            case Outcomes.Succeeded:
                _jobsSucceeded.Add(1);
                break;
            case Outcomes.Rejected:
                _jobsRejected.Add(1);
                break;
        }
    }

    public void Retried() => _jobsRetried.Add(1);

    public void DeadLettered() => _jobsDeadLettered.Add(1);

    public void Dispose() => _meter.Dispose();

    public static class Outcomes
    {
        public const string Succeeded = "succeeded";
        public const string Rejected = "rejected";
        public const string Failed = "failed";
    }
}
