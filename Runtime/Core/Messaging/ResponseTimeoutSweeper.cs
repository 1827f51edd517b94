using Microsoft.Extensions.Logging;
using Runtime.Invocation;
using Runtime.Statistics;

namespace Runtime.Messaging;

/// <summary>
/// Fails calls whose response did not arrive within the response timeout. Runs on a timer at a
/// quarter of the timeout (at most once a second), so a call fails at most that much late. Like
/// Orleans, nothing is resent and the target may still run the request: callers retry only
/// idempotent operations.
/// </summary>
internal sealed partial class ResponseTimeoutSweeper : IDisposable
{
    private readonly InFlightRequests _inFlight;
    private readonly RuntimeStatistics _statistics;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _responseTimeout;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly List<RequestBase> _expired = [];
    private ITimer? _timer;
    private int _sweeping;

    public ResponseTimeoutSweeper(InFlightRequests inFlight, RuntimeStatistics statistics, TimeProvider timeProvider, TimeSpan responseTimeout, ILogger<ResponseTimeoutSweeper> logger)
    {
        _inFlight = inFlight;
        _statistics = statistics;
        _timeProvider = timeProvider;
        _responseTimeout = responseTimeout;
        _interval = TimeSpan.FromTicks(Math.Clamp(responseTimeout.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _logger = logger;
    }

    public void Start() => _timer = _timeProvider.CreateTimer(static state => ((ResponseTimeoutSweeper)state!).Sweep(), this, _interval, _interval);

    public void Dispose() => _timer?.Dispose();

    internal void Sweep()
    {
        // A sweep still failing callers when the timer fires again is left to finish; the next one catches up.
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            _inFlight.TakeExpired(_timeProvider.GetTimestamp(), _expired);
            foreach (var request in _expired)
            {
                // Claimed first, so a response arriving now cannot be counted as a timeout; counted before the
                // caller hears of it, because failing the call runs the caller's continuation inline.
                if (!request.TryClaimResponse())
                {
                    continue;
                }

                _statistics.ForGrainType(request.TargetId.Type).ForMethod(request.Method).RecordTimeout();
                LogTimedOut(_logger, request.ToString(), _responseTimeout);
                request.FailClaimed(new TimeoutException($"Response did not arrive on time in {_responseTimeout} for {request.Method} on grain {request.TargetId}."));
            }
        }
        finally
        {
            _expired.Clear();
            Volatile.Write(ref _sweeping, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Request} timed out after {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, string request, TimeSpan timeout);
}
