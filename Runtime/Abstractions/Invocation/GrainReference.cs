namespace Runtime.Invocation;

/// <summary>
/// Base class of generated proxies. A reference is immutable and may be passed inside messages
/// (it serializes as its grain id and interface name).
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(IGrainCallRuntime runtime, GrainId grainId)
    {
        Runtime = runtime;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    /// <summary>Wire name of the interface this proxy implements.</summary>
    public abstract string InterfaceName { get; }

    internal IGrainCallRuntime Runtime { get; }

    /// <summary>
    /// Owned by the runtime: the activation this reference last reached, so repeated calls skip the
    /// directory lookup. Only a hint: a stale value is detected and refreshed by the runtime.
    /// </summary>
    internal object? RoutingHint;

    protected Task<TResult> InvokeAsync<TResult>(Request<TResult> request)
    {
        // The response task must exist before the request leaves this thread: the callee may complete it at once.
        var response = request.CreateResponseTask();
        Runtime.SendRequest(this, request);
        return response;
    }

    protected void InvokeOneWay(RequestBase request) => Runtime.SendRequest(this, request);

    public bool Equals(GrainReference? other) =>
        other is not null && GrainId.Equals(other.GrainId) && string.Equals(InterfaceName, other.InterfaceName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"{InterfaceName}:{GrainId}";
}
