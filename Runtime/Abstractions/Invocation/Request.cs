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

        // Captures the activation's synchronization context (this runs inside the activation), so the
        // continuation runs inline when the method completes there, as it normally does, and is posted
        // back into the activation when it completes elsewhere. Either way the sink hears on the
        // activation's thread. (ConfigureAwait(false) would cost a thread-pool hop: .NET never inlines
        // such a continuation on a thread that has a synchronization context.)
        pending.GetAwaiter().UnsafeOnCompleted(_onPendingCompleted ??= OnPendingCompleted);
        return false;
    }

    internal override void PrepareResponse(IDeepCopier copier)
    {
        if (Exception is not null)
        {
            return;
        }

        try
        {
            _result = CopyResult(_result!, copier);
        }
        catch (Exception copyFailure)
        {
            Exception = copyFailure;
            _result = default;
        }
    }

    internal override void CompleteResponse()
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

        var result = _result!;
        _result = default;
        _response.SetResult(result);
    }

    internal override void FailClaimed(Exception exception) => _response.SetException(exception);

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

    // Resumes in the activation (captured context), where the method completed: no thread-pool hop.
    private static async ValueTask<NoResult> AwaitCompletion(ValueTask pending)
    {
        await pending;
        return default;
    }
}
