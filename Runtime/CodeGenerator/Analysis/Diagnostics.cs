using Microsoft.CodeAnalysis;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>Errors the generator reports instead of generating code that would misbehave at run time.</summary>
internal static class Diagnostics
{
    private const string Category = "GrainRuntime";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "GRT001", "Grain method must be asynchronous",
        "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OneWayWithResult = new(
        "GRT002", "One-way method cannot return a result",
        "Method '{0}' is [OneWay] and so must return Task or ValueTask, not a result",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericNotSupported = new(
        "GRT003", "Generic grain interfaces and methods are not supported",
        "'{0}' is generic; grain interfaces and their methods must not be",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameter = new(
        "GRT004", "Unsupported grain method parameter",
        "Parameter '{0}' of '{1}' cannot cross the call boundary: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "GRT005", "Grain interfaces hold only methods",
        "'{0}' is not a method; grain interfaces may declare only methods",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoConstructor = new(
        "GRT006", "Grain class needs a public constructor",
        "Grain class '{0}' has no public constructor the runtime can call",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadPersistentState = new(
        "GRT007", "Invalid persistent state parameter",
        "Parameter '{0}' of '{1}': {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoGrainInterface = new(
        "GRT008", "Grain class implements no keyed grain interface",
        "Grain class '{0}' implements no interface deriving from IGrainWithStringKey, IGrainWithGuidKey or IGrainWithIntegerKey, so nothing can address it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadImplicitSubscription = new(
        "GRT009", "Implicit stream subscription needs exactly one observer",
        "Grain class '{0}' subscribes to stream namespace '{1}' but implements IAsyncObserver<T> {2} times; it must implement it exactly once",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
