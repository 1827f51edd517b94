using System.Collections.Concurrent;
using System.Reflection;
using Runtime.Invocation;
using Runtime.Manifest;

namespace Runtime.Manifest;

/// <summary>
/// Everything the silo knows about grain code: interfaces (for references and for rebuilding requests
/// from the wire) and classes (for activations). Filled from the generated manifests of the assemblies
/// given to the silo. Interface assemblies are also loaded on demand, so a reference can be made to any
/// grain interface even if its assembly was not listed.
/// </summary>
internal sealed class GrainRegistry : IGrainManifestBuilder
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceDescriptor> _interfacesByType = new();
    private readonly ConcurrentDictionary<string, GrainInterfaceDescriptor> _interfacesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestDescriptor> _requestsByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GrainClassDescriptor> _classesByGrainType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Assembly, bool> _loadedAssemblies = new();
    private readonly Lock _loadLock = new();

    public GrainRegistry(IEnumerable<Assembly> applicationParts)
    {
        Load(typeof(IRemindable).Assembly);
        foreach (var assembly in applicationParts)
        {
            Load(assembly);
        }
    }

    public IEnumerable<GrainClassDescriptor> GrainClasses => _classesByGrainType.Values.Distinct();

    public GrainInterfaceDescriptor GetInterface(Type interfaceType)
    {
        if (_interfacesByType.TryGetValue(interfaceType, out var descriptor))
        {
            return descriptor;
        }

        Load(interfaceType.Assembly);
        return _interfacesByType.TryGetValue(interfaceType, out descriptor)
            ? descriptor
            : throw new ArgumentException(
                $"{interfaceType} is not a grain interface with generated code. Grain interfaces must derive from a keyed grain interface and be compiled with Runtime.CodeGenerator.",
                nameof(interfaceType));
    }

    public bool TryGetInterface(string name, out GrainInterfaceDescriptor descriptor) =>
        _interfacesByName.TryGetValue(name, out descriptor!);

    public bool TryGetGrainClass(string grainType, out GrainClassDescriptor descriptor) =>
        _classesByGrainType.TryGetValue(grainType, out descriptor!);

    /// <summary>An empty request of the given method, to deserialize a message into.</summary>
    public RequestBase CreateEmptyRequest(string interfaceName, string methodKey) =>
        _requestsByKey.TryGetValue(RequestKey(interfaceName, methodKey), out var descriptor)
            ? descriptor.CreateEmpty()
            : throw new InvalidOperationException($"No request type is registered for {interfaceName}.{methodKey}.");

    /// <summary>Registers a request type the runtime writes by hand (e.g. stream deliveries).</summary>
    public void AddRuntimeRequest(RequestDescriptor descriptor) =>
        _requestsByKey[RequestKey(descriptor.Method.InterfaceName, descriptor.Method.MethodKey)] = descriptor;

    void IGrainManifestBuilder.AddInterface(GrainInterfaceDescriptor descriptor)
    {
        _interfacesByType[descriptor.InterfaceType] = descriptor;
        _interfacesByName[descriptor.Name] = descriptor;
        foreach (var request in descriptor.Methods)
        {
            _requestsByKey[RequestKey(request.Method.InterfaceName, request.Method.MethodKey)] = request;
        }
    }

    void IGrainManifestBuilder.AddGrainClass(GrainClassDescriptor descriptor)
    {
        foreach (var grainType in descriptor.GrainTypes)
        {
            if (!_classesByGrainType.TryAdd(grainType, descriptor) && _classesByGrainType[grainType].GrainClass != descriptor.GrainClass)
            {
                throw new InvalidOperationException(
                    $"Grain type '{grainType}' is implemented by both {_classesByGrainType[grainType].GrainClass} and {descriptor.GrainClass}; each grain interface must have one implementation.");
            }
        }
    }

    private void Load(Assembly assembly)
    {
        if (_loadedAssemblies.ContainsKey(assembly))
        {
            return;
        }

        lock (_loadLock)
        {
            if (_loadedAssemblies.ContainsKey(assembly))
            {
                return;
            }

            // Reflection happens here, once per assembly at start-up or first use, never on the call path.
            foreach (var attribute in assembly.GetCustomAttributes<GrainManifestAttribute>())
            {
                var manifest = (IGrainManifest)Activator.CreateInstance(attribute.ManifestType)!;
                manifest.Populate(this);
            }

            _loadedAssemblies[assembly] = true;
        }
    }

    private static string RequestKey(string interfaceName, string methodKey) => interfaceName + "::" + methodKey;
}
