namespace Runtime.Manifest;

/// <summary>
/// Points from an assembly to its generated <see cref="IGrainManifest"/>. The code generator adds it;
/// the runtime reads it once per assembly to learn the assembly's grain interfaces and classes.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainManifestAttribute(Type manifestType) : Attribute
{
    public Type ManifestType { get; } = manifestType;
}

/// <summary>Describes the grain interfaces and classes of one assembly. Generated.</summary>
public interface IGrainManifest
{
    void Populate(IGrainManifestBuilder builder);
}

public interface IGrainManifestBuilder
{
    void AddInterface(GrainInterfaceDescriptor descriptor);

    void AddGrainClass(GrainClassDescriptor descriptor);
}
