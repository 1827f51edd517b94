namespace Runtime.CodeGenerator.Model;

/// <summary>A grain interface as the emitters need it: plain strings, no symbols.</summary>
internal sealed record InterfaceModel(
    string Namespace,
    string Name,
    string FullyQualifiedName,
    string WireName,
    string GrainType,
    bool IsPublic,
    EquatableArray<MethodModel> OwnMethods,
    EquatableArray<MethodModel> InheritedMethods)
{
    /// <summary>The generated proxy's name (no namespace).</summary>
    public string ProxyName => Name + "Proxy";

    public string GeneratedNamespace => GeneratedNames.Namespace(Namespace);
}

/// <summary>How a grain method returns.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

internal sealed record MethodModel(
    string DeclaringInterface,
    string DeclaringWireName,
    string Name,
    string MethodKey,
    ReturnKind ReturnKind,
    string ResultType,
    bool ResultNeedsCopy,
    string Flags,
    bool IsOneWay,
    string RequestTypeName,
    EquatableArray<ParameterModel> Parameters);

internal sealed record ParameterModel(string Name, string Type, bool NeedsCopy, bool IsNullable);

internal static class GeneratedNames
{
    /// <summary>Generated types live apart from user types, under this prefix plus the user namespace.</summary>
    public static string Namespace(string userNamespace) =>
        string.IsNullOrEmpty(userNamespace) ? "RuntimeGenerated" : "RuntimeGenerated." + userNamespace;
}
