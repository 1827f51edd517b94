using System.Text.Json;
using Runtime.Streams;

namespace Runtime.Manifest;

/// <summary>A grain class: how to construct it and how it wants to be scheduled and collected.</summary>
public sealed class GrainClassDescriptor(
    Type grainClass,
    IReadOnlyList<string> grainTypes,
    Func<IGrainContext, object> create,
    bool isReentrant,
    TimeSpan? collectionAgeLimit,
    IReadOnlyList<ImplicitSubscriptionDescriptor> implicitSubscriptions)
{
    public Type GrainClass { get; } = grainClass;

    /// <summary>The grain types this class implements (one per keyed grain interface).</summary>
    public IReadOnlyList<string> GrainTypes { get; } = grainTypes;

    /// <summary>Constructs the grain; runs with the activation context current. Generated, no reflection.</summary>
    public Func<IGrainContext, object> Create { get; } = create;

    public bool IsReentrant { get; } = isReentrant;

    public TimeSpan? CollectionAgeLimit { get; } = collectionAgeLimit;

    public IReadOnlyList<ImplicitSubscriptionDescriptor> ImplicitSubscriptions { get; } = implicitSubscriptions;
}

/// <summary>Delivers one serialized stream event to a grain's <see cref="IAsyncObserver{T}"/>.</summary>
public delegate Task StreamItemDelivery(object grain, ReadOnlyMemory<byte> payload, StreamSequenceToken token, JsonSerializerOptions options);

/// <summary>An <see cref="ImplicitStreamSubscriptionAttribute"/> of a grain class, with its typed delivery.</summary>
public sealed class ImplicitSubscriptionDescriptor(string streamNamespace, Type itemType, StreamItemDelivery deliver)
{
    public string StreamNamespace { get; } = streamNamespace;

    public Type ItemType { get; } = itemType;

    public StreamItemDelivery Deliver { get; } = deliver;
}
