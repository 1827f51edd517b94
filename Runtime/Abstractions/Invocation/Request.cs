using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Runtime.Invocation;

/// <summary>A request whose method returns <typeparamref name="TResult"/>.</summary>
public abstract class Request<TResult> : RequestBase
{
    // A method builder rather than a TaskCompletionSource: the same promise task, one object fewer per call.
    private AsyncTaskMethodBuilder<TResult> _response;
    private TResult? _result;
    private ValueTask<TResult> _pending;
    private IRequestCompletionSink? _sink;
    private Action? _onPendingCompleted;

    /// <summary>Calls the grain method. Generated.</summary>
    protected abstract ValueTask<TResult> InvokeCore(object grain);

    /// <summary>Copies a result that is not provably immutable. Generated where needed.</summary>
    protected virtual TResult CopyResult(TResult result, IDeepCopier copier) => result;

    internal Task<TResult> CreateResponseTask() => _response.Task;

    internal override bool Invoke(object grain, IRequestCompletionSink sink)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = InvokeCore(grain);
        }
        catch (Exception exception)
        {
            Exception = exception;
            return true;
        }

        if (pending.IsCompleted)
        {
            TakeOutcome(pending);
            return true;
        }

        _pending = pending;
        _sink = sink;
        // ConfigureAwait(false): the grain's own continuations already run in its activation; this one
        // only records the outcome, and the sink moves back to the activation if it is elsewhere.
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onPendingCompleted ??= OnPendingCompleted);
        return false;
    }

    internal override void CompleteResponse(IDeepCopier copier)
    {
        if (!TryClaimResponse())
        {
            return;
        }

        if (Exception is { } exception)
        {
            _response.SetException(exception);
            return;
        }

        TResult result;
        try
        {
            result = CopyResult(_result!, copier);
        }
        catch (Exception copyFailure)
        {
            _response.SetException(copyFailure);
            return;
        }

        _result = default;
        _response.SetResult(result);
    }

    internal override bool TryFail(Exception exception)
    {
        if (!TryClaimResponse())
        {
            return false;
        }

        _response.SetException(exception);
        return true;
    }

    internal override void WriteResult(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, _result, options);

    internal override void ReadResult(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        _result = JsonSerializer.Deserialize<TResult>(ref reader, options);

    private void OnPendingCompleted()
    {
        var pending = _pending;
        var sink = _sink!;
        _pending = default;
        _sink = null;
        TakeOutcome(pending);
        sink.OnRequestCompleted(this);
    }

    private void TakeOutcome(ValueTask<TResult> completed)
    {
        try
        {
            _result = completed.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            Exception = exception;
        }
    }
}

/// <summary>The result of a method that returns a plain <see cref="Task"/>.</summary>
public readonly record struct NoResult;

/// <summary>A request whose method returns <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
public abstract class VoidRequest : Request<NoResult>
{
    /// <summary>Calls the grain method. Generated.</summary>
    protected abstract ValueTask InvokeVoid(object grain);

    protected sealed override ValueTask<NoResult> InvokeCore(object grain)
    {
        var pending = InvokeVoid(grain);
        if (pending.IsCompleted)
        {
            pending.GetAwaiter().GetResult();
            return default;
        }

        return AwaitCompletion(pending);
    }

    private static async ValueTask<NoResult> AwaitCompletion(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        return default;
    }
}
