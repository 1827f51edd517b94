using System.Text.Json;

namespace Runtime.Invocation;

/// <summary>
/// One call to one grain method: the arguments, and the bookkeeping the runtime keeps while the
/// call is in flight. Generated code derives a sealed class per interface method; the runtime owns
/// the object from the moment it is sent. It is the message: in-process it travels as is (with
/// non-immutable arguments deep-copied), between processes as its serialized arguments.
/// </summary>
public abstract class RequestBase
{
    private const int ResponsePending = 0;
    private const int ResponseDelivered = 1;

    private int _responseState;

    public abstract MethodDescriptor Method { get; }

    /// <summary>Replaces every argument that is not provably immutable with a deep copy. Generated where needed.</summary>
    protected virtual void CopyArguments(IDeepCopier copier)
    {
    }

    /// <summary>Writes the arguments as one JSON array. Generated.</summary>
    protected abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads the JSON array written by <see cref="WriteArguments"/>; the reader is positioned before it. Generated.</summary>
    protected abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    // The runtime's entry points to the generated hooks above (protected, so that generated code in
    // any assembly overrides them the same way).

    internal void CopyArgumentsAtCallBoundary(IDeepCopier copier) => CopyArguments(copier);

    internal void SerializeArguments(Utf8JsonWriter writer, JsonSerializerOptions options) => WriteArguments(writer, options);

    internal void DeserializeArguments(ref Utf8JsonReader reader, JsonSerializerOptions options) => ReadArguments(ref reader, options);

    // ---- Runtime bookkeeping. Kept on the request itself so that a call costs one allocation for
    // ---- the message and one for the caller's task, nothing more.

    /// <summary>The grain the request is addressed to.</summary>
    internal GrainId TargetId;

    /// <summary>The reference it was sent through, if any; it caches the route to the activation.</summary>
    internal GrainReference? TargetReference;

    /// <summary>When the caller sent it, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    internal long SentTimestamp;

    /// <summary>When the caller gives up waiting, in the same ticks.</summary>
    internal long DeadlineTimestamp;

    /// <summary>Links in the runtime's in-flight list, which the timeout sweep walks.</summary>
    internal RequestBase? InFlightPrevious;

    internal RequestBase? InFlightNext;

    internal int InFlightShard = -1;

    /// <summary>The caller's request when this one is its deserialized copy (message-boundary mode).</summary>
    internal RequestBase? CallerRequest;

    /// <summary>The exception the invocation ended with, if it failed.</summary>
    internal Exception? Exception { get; set; }

    /// <summary>True once the caller has been answered (result, exception or timeout).</summary>
    internal bool IsResponseDelivered => Volatile.Read(ref _responseState) == ResponseDelivered;

    /// <summary>
    /// Runs the method on <paramref name="grain"/>. Returns true when it finished synchronously;
    /// otherwise <paramref name="sink"/> hears about completion later, possibly on another thread.
    /// Either way the outcome is stored on the request until <see cref="CompleteResponse"/>.
    /// </summary>
    internal abstract bool Invoke(object grain, IRequestCompletionSink sink);

    /// <summary>
    /// Replaces a stored result that is not provably immutable with a copy. Runs inside the turn, on the
    /// activation's thread: once the turn ends the grain may change the object it returned.
    /// </summary>
    internal abstract void PrepareResponse(IDeepCopier copier);

    /// <summary>Answers the caller with the stored (prepared) outcome. No-op if already answered.</summary>
    internal abstract void CompleteResponse();

    /// <summary>Answers the caller with an error unless already answered. Returns whether it did.</summary>
    internal bool TryFail(Exception exception)
    {
        if (!TryClaimResponse())
        {
            return false;
        }

        FailClaimed(exception);
        return true;
    }

    /// <summary>Claims the single right to answer the caller (see <see cref="FailClaimed"/>).</summary>
    internal bool TryClaimResponse() =>
        Interlocked.CompareExchange(ref _responseState, ResponseDelivered, ResponsePending) == ResponsePending;

    /// <summary>Answers the caller with an error, after <see cref="TryClaimResponse"/> succeeded.</summary>
    internal abstract void FailClaimed(Exception exception);

    /// <summary>Writes the stored (successful) result as JSON.</summary>
    internal abstract void WriteResult(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads a result written by <see cref="WriteResult"/> and stores it as the outcome.</summary>
    internal abstract void ReadResult(ref Utf8JsonReader reader, JsonSerializerOptions options);

    public override string ToString() => TargetId.IsDefault ? Method.ToString() : $"{Method} on {TargetId}";
}

/// <summary>Told when a request whose method completed asynchronously has finished.</summary>
internal interface IRequestCompletionSink
{
    void OnRequestCompleted(RequestBase request);
}
