using Microsoft.Extensions.Logging;
using Runtime.Activation;
using Runtime.Invocation;
using Runtime.Serialization;

namespace Runtime.Messaging;

/// <summary>
/// Routes requests to activations and responses back to callers. Every call passes here: arguments
/// are isolated (copied unless immutable), two-way calls are registered for the response timeout,
/// and in message-boundary mode the request and its response are encoded and decoded on the way.
/// </summary>
internal sealed partial class GrainCallDispatcher : IGrainCallRuntime
{
    private readonly Catalog _catalog;
    private readonly InFlightRequests _inFlight;
    private readonly RuntimeSerializer _serializer;
    private readonly MessageCodec? _boundary;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly long _responseTimeoutTicks;
    private volatile bool _accepting;

    public GrainCallDispatcher(
        Catalog catalog,
        InFlightRequests inFlight,
        RuntimeSerializer serializer,
        MessageCodec? boundary,
        TimeProvider timeProvider,
        TimeSpan responseTimeout,
        ILogger<GrainCallDispatcher> logger)
    {
        _catalog = catalog;
        _inFlight = inFlight;
        _serializer = serializer;
        _boundary = boundary;
        _timeProvider = timeProvider;
        _logger = logger;
        ResponseTimeout = responseTimeout;
        _responseTimeoutTicks = (long)(responseTimeout.TotalSeconds * timeProvider.TimestampFrequency);
    }

    public TimeSpan ResponseTimeout { get; }

    public void Open() => _accepting = true;

    public void Close() => _accepting = false;

    public void SendRequest(GrainReference target, RequestBase request)
    {
        request.TargetReference = target;
        Send(target.GrainId, request);
    }

    /// <summary>
    /// Sends a request addressed by identity alone (reminders, stream deliveries). With
    /// <paramref name="sweepTimeout"/> false the caller enforces its own deadline instead of the silo-wide
    /// response timeout (stream providers whose consumers do long work per event); it fails the request
    /// with <see cref="Fail"/> when that deadline passes, so a copy still queued is never run.
    /// </summary>
    public void Send(GrainId target, RequestBase request, bool sweepTimeout = true)
    {
        request.TargetId = target;
        var now = _timeProvider.GetTimestamp();
        request.SentTimestamp = now;
        if (!_accepting)
        {
            Fail(request, new SiloUnavailableException($"The silo is not accepting calls; {request} was not sent."));
            return;
        }

        if (!request.Method.IsOneWay && sweepTimeout)
        {
            request.DeadlineTimestamp = now + _responseTimeoutTicks;
            _inFlight.Add(request);
        }

        RequestBase delivered;
        try
        {
            delivered = _boundary is null ? Isolate(request) : CrossBoundary(request);
        }
        catch (Exception exception)
        {
            Fail(request, exception);
            return;
        }

        Deliver(delivered);
    }

    /// <summary>Sends a request again after the activation it reached went away.</summary>
    public void Forward(RequestBase request) => Deliver(request);

    /// <summary>
    /// Readies the answer to a request that finished in its activation: copies a mutable result, or
    /// encodes the outcome in message-boundary mode. Runs inside the turn, on the activation's thread,
    /// because once the turn ends the grain may change the objects its result refers to.
    /// </summary>
    public void PrepareResponse(RequestBase completed)
    {
        if (completed.Method.IsOneWay)
        {
            return;
        }

        if (completed.CallerRequest is not { } caller)
        {
            completed.PrepareResponse(_serializer);
            return;
        }

        try
        {
            _boundary!.DecodeResponse(_boundary.EncodeResponse(completed), caller);
        }
        catch (Exception exception)
        {
            caller.Exception = exception;
        }
    }

    /// <summary>Answers the caller of a prepared request. Runs after the activation has let go of its thread.</summary>
    public void Respond(RequestBase completed)
    {
        var caller = completed.CallerRequest ?? completed;
        if (caller.Method.IsOneWay)
        {
            if (completed.Exception is { } exception)
            {
                LogOneWayFailed(_logger, exception, caller.ToString());
            }

            return;
        }

        _inFlight.Remove(caller);
        caller.CompleteResponse();
    }

    /// <summary>Answers the caller with an error (or logs it for a one-way call).</summary>
    public void Fail(RequestBase request, Exception exception)
    {
        var caller = request.CallerRequest ?? request;
        if (caller.Method.IsOneWay)
        {
            LogOneWayFailed(_logger, exception, caller.ToString());
            return;
        }

        _inFlight.Remove(caller);
        caller.TryFail(exception);
    }

    private RequestBase Isolate(RequestBase request)
    {
        request.CopyArgumentsAtCallBoundary(_serializer);
        return request;
    }

    /// <summary>Encodes the request and decodes a fresh one, as another silo would receive it.</summary>
    private RequestBase CrossBoundary(RequestBase request)
    {
        var received = _boundary!.DecodeRequest(_boundary.EncodeRequest(request));
        received.TargetReference = request.TargetReference;
        received.SentTimestamp = request.SentTimestamp;
        received.DeadlineTimestamp = request.DeadlineTimestamp;
        received.CallerRequest = request;
        return received;
    }

    private void Deliver(RequestBase request)
    {
        var reference = request.TargetReference;
        if (reference?.RoutingHint is ActivationData cached && !cached.IsInvalid)
        {
            cached.Enqueue(request);
            return;
        }

        if (!_catalog.TryGetOrCreate(request.TargetId, out var activation, out var error))
        {
            Fail(request, error);
            return;
        }

        if (reference is not null)
        {
            reference.RoutingHint = activation;
        }

        activation.Enqueue(request);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "One-way call {Request} failed")]
    private static partial void LogOneWayFailed(ILogger logger, Exception exception, string request);
}
