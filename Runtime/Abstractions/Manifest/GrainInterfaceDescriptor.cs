using Runtime.Invocation;

namespace Runtime.Manifest;

/// <summary>A grain interface: how to make references to it and how to rebuild its requests from the wire.</summary>
public sealed class GrainInterfaceDescriptor(
    Type interfaceType,
    string name,
    string grainType,
    Func<IGrainCallRuntime, GrainId, GrainReference> createReference,
    IReadOnlyList<RequestDescriptor> methods)
{
    public Type InterfaceType { get; } = interfaceType;

    /// <summary>Wire name: the interface's full name.</summary>
    public string Name { get; } = name;

    /// <summary>The grain type that references obtained through this interface address.</summary>
    public string GrainType { get; } = grainType;

    public Func<IGrainCallRuntime, GrainId, GrainReference> CreateReference { get; } = createReference;

    /// <summary>The interface's own methods (not inherited ones).</summary>
    public IReadOnlyList<RequestDescriptor> Methods { get; } = methods;
}

/// <summary>One method: its descriptor and a factory for empty requests to deserialize into.</summary>
public sealed class RequestDescriptor(MethodDescriptor method, Func<RequestBase> createEmpty)
{
    public MethodDescriptor Method { get; } = method;

    public Func<RequestBase> CreateEmpty { get; } = createEmpty;
}
