using Microsoft.CodeAnalysis;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>The grain type an interface addresses: [GrainType("x")] or derived from the interface's name.</summary>
internal static class GrainTypeNames
{
    public static string For(INamedTypeSymbol grainInterface)
    {
        foreach (var attribute in grainInterface.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "Runtime.GrainTypeAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return FromName(grainInterface.Name);
    }

    /// <summary><c>IUserGrain</c> → <c>user</c>, <c>ICelebrityOutboxGrain</c> → <c>celebrityoutbox</c>.</summary>
    public static string FromName(string interfaceName)
    {
        var name = interfaceName;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        if (name.Length > "Grain".Length && name.EndsWith("Grain", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Grain".Length);
        }

        return name.ToLowerInvariant();
    }
}
