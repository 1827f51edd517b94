using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>
/// Decides, at compile time, whether a value may cross a grain call by reference. Anything not
/// proven immutable is deep-copied by the runtime, so the analysis errs on the side of "mutable".
/// </summary>
/// <remarks>
/// Immutable: primitives, strings, enums and the BCL's value-like types; grain references;
/// System.Collections.Immutable collections of immutable elements; types marked [Immutable];
/// sealed classes and records whose fields are all readonly and whose fields and properties are
/// immutable; structs whose fields and properties are immutable (a struct is copied by value, so its
/// own fields need not be readonly). Arrays, List&lt;T&gt;, Dictionary and unsealed classes are mutable.
/// </remarks>
internal sealed class ImmutabilityAnalysis(KnownTypes knownTypes)
{
    private static readonly HashSet<string> ImmutableByName =
    [
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly",
        "System.TimeOnly", "System.Uri", "System.Version", "System.Half", "System.Int128", "System.UInt128",
        "System.Numerics.BigInteger", "System.Net.IPAddress",
        "Runtime.GrainId", "Runtime.Streams.StreamId", "Runtime.Streams.StreamSequenceToken",
        "Runtime.Invocation.NoResult", "Runtime.TickStatus",
    ];

    private static readonly HashSet<string> ImmutableGenericsByName =
    [
        "System.Nullable<T>", "System.Collections.Generic.KeyValuePair<TKey, TValue>",
        "System.Collections.Immutable.ImmutableArray<T>", "System.Collections.Immutable.ImmutableList<T>",
        "System.Collections.Immutable.ImmutableDictionary<TKey, TValue>", "System.Collections.Immutable.ImmutableHashSet<T>",
        "System.Collections.Immutable.ImmutableSortedSet<T>", "System.Collections.Immutable.ImmutableSortedDictionary<TKey, TValue>",
        "System.Collections.Immutable.ImmutableQueue<T>", "System.Collections.Immutable.ImmutableStack<T>",
    ];

    private readonly Dictionary<ITypeSymbol, bool> _verdicts = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _inProgress = new(SymbolEqualityComparer.Default);

    public bool IsImmutable(ITypeSymbol type)
    {
        if (_verdicts.TryGetValue(type, out var known))
        {
            return known;
        }

        // A type met again while it is being examined is assumed immutable, so recursive types
        // terminate; the assumption is checked when its own examination finishes.
        if (!_inProgress.Add(type))
        {
            return true;
        }

        var verdict = Examine(type);
        _inProgress.Remove(type);

        // "Mutable" is always sound to remember. "Immutable" may rest on an assumption about a type
        // still being examined, so it is only remembered once no examination is in progress.
        if (!verdict || _inProgress.Count == 0)
        {
            _verdicts[type] = verdict;
        }

        return verdict;
    }

    private bool Examine(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum || IsPrimitive(type.SpecialType))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Error)
        {
            return false; // arrays, pointers, type parameters, dynamic
        }

        if (HasImmutableAttribute(named))
        {
            return true;
        }

        if (named.TypeKind == TypeKind.Interface)
        {
            return knownTypes.IsGrainInterface(named) || knownTypes.IsMarker(named);
        }

        if (named.IsGenericType)
        {
            var definition = named.ConstructedFrom.ToDisplayString();
            if (ImmutableGenericsByName.Contains(definition))
            {
                foreach (var argument in named.TypeArguments)
                {
                    if (!IsImmutable(argument))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (definition.StartsWith("System.ValueTuple<", System.StringComparison.Ordinal)
                || definition.StartsWith("System.Tuple<", System.StringComparison.Ordinal))
            {
                foreach (var argument in named.TypeArguments)
                {
                    if (!IsImmutable(argument))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        if (ImmutableByName.Contains(named.ToDisplayString()))
        {
            return true;
        }

        if (named.TypeKind == TypeKind.Struct)
        {
            return MembersAreImmutable(named, requireReadOnlyFields: false);
        }

        if (named.TypeKind != TypeKind.Class || !named.IsSealed || named.SpecialType == SpecialType.System_Object)
        {
            return false; // a subclass could add mutable state
        }

        for (var baseType = named.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            if (!HasImmutableAttribute(baseType) && !MembersAreImmutable(baseType, requireReadOnlyFields: true))
            {
                return false;
            }
        }

        return MembersAreImmutable(named, requireReadOnlyFields: true);
    }

    private bool MembersAreImmutable(INamedTypeSymbol type, bool requireReadOnlyFields)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic)
            {
                continue;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    if ((requireReadOnlyFields && !field.IsReadOnly && !field.IsConst) || !IsImmutable(field.Type))
                    {
                        return false;
                    }

                    break;
                case IPropertySymbol property when !IsRecordPlumbing(property):
                    var setter = property.SetMethod;
                    if (requireReadOnlyFields && setter is not null && !setter.IsInitOnly)
                    {
                        return false;
                    }

                    if (!IsImmutable(property.Type))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool IsRecordPlumbing(IPropertySymbol property) =>
        property.IsImplicitlyDeclared || property.Name == "EqualityContract" || property.IsIndexer;

    private static bool HasImmutableAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "Runtime.ImmutableAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrimitive(SpecialType type) => type switch
    {
        SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
            or SpecialType.System_Decimal or SpecialType.System_String or SpecialType.System_DateTime => true,
        _ => false,
    };
}
