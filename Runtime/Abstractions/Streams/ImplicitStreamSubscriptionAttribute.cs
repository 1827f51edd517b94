namespace Runtime.Streams;

/// <summary>
/// Subscribes every grain of this class to the streams of a namespace: the event of stream
/// (namespace, key) is delivered to the grain with that key, activating it if needed, through its
/// <see cref="IAsyncObserver{T}"/> implementation. The subscription is durable by construction:
/// it is part of the code, so events published while no silo runs are delivered after a restart.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string StreamNamespace { get; } = streamNamespace;
}
