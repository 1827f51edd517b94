using Microsoft.CodeAnalysis;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>The runtime's types, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation)
    {
        Addressable = compilation.GetTypeByMetadataName("Runtime.IAddressable");
        Grain = compilation.GetTypeByMetadataName("Runtime.Grain");
        GrainMarker = compilation.GetTypeByMetadataName("Runtime.IGrain");
        StringKey = compilation.GetTypeByMetadataName("Runtime.IGrainWithStringKey");
        GuidKey = compilation.GetTypeByMetadataName("Runtime.IGrainWithGuidKey");
        IntegerKey = compilation.GetTypeByMetadataName("Runtime.IGrainWithIntegerKey");
        GrainContext = compilation.GetTypeByMetadataName("Runtime.IGrainContext");
        PersistentState = compilation.GetTypeByMetadataName("Runtime.IPersistentState`1");
        AsyncObserver = compilation.GetTypeByMetadataName("Runtime.Streams.IAsyncObserver`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
    }

    public INamedTypeSymbol? Addressable { get; }

    public INamedTypeSymbol? Grain { get; }

    public INamedTypeSymbol? GrainMarker { get; }

    public INamedTypeSymbol? StringKey { get; }

    public INamedTypeSymbol? GuidKey { get; }

    public INamedTypeSymbol? IntegerKey { get; }

    public INamedTypeSymbol? GrainContext { get; }

    public INamedTypeSymbol? PersistentState { get; }

    public INamedTypeSymbol? AsyncObserver { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>False when the compilation does not reference the runtime at all.</summary>
    public bool IsUsable => Addressable is not null && Grain is not null;

    public static KnownTypes For(Compilation compilation) => new(compilation);

    /// <summary>A grain interface: derives from IAddressable and is not one of the runtime's markers.</summary>
    public bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsMarker(type)
        && Implements(type, Addressable);

    /// <summary>A grain interface that carries a key, and so names a grain type.</summary>
    public bool IsKeyedGrainInterface(INamedTypeSymbol type) =>
        IsGrainInterface(type) && (Implements(type, StringKey) || Implements(type, GuidKey) || Implements(type, IntegerKey));

    public bool IsMarker(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type, Addressable)
        || SymbolEqualityComparer.Default.Equals(type, GrainMarker)
        || SymbolEqualityComparer.Default.Equals(type, StringKey)
        || SymbolEqualityComparer.Default.Equals(type, GuidKey)
        || SymbolEqualityComparer.Default.Equals(type, IntegerKey);

    public bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Grain))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? target)
    {
        if (target is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, target))
            {
                return true;
            }
        }

        return false;
    }
}
