using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Runtime.CodeGenerator.Model;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>Turns a grain interface symbol into an <see cref="InterfaceModel"/>, reporting what cannot be generated.</summary>
internal sealed class InterfaceAnalyzer(KnownTypes knownTypes)
{
    private readonly ImmutabilityAnalysis _immutability = new(knownTypes);

    public InterfaceModel? Analyze(INamedTypeSymbol grainInterface, List<DiagnosticInfo> diagnostics)
    {
        if (grainInterface.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericNotSupported, grainInterface, grainInterface.Name));
            return null;
        }

        var ownMethods = AnalyzeOwnMethods(grainInterface, diagnostics);
        var inherited = new List<MethodModel>();
        foreach (var baseInterface in grainInterface.AllInterfaces)
        {
            if (knownTypes.IsGrainInterface(baseInterface))
            {
                // Base interfaces report their own diagnostics where they are declared.
                inherited.AddRange(AnalyzeOwnMethods(baseInterface, new List<DiagnosticInfo>()));
            }
        }

        var ns = grainInterface.ContainingNamespace.IsGlobalNamespace ? string.Empty : grainInterface.ContainingNamespace.ToDisplayString();
        return new InterfaceModel(
            ns,
            grainInterface.Name,
            grainInterface.ToCode(),
            grainInterface.ToWire(),
            GrainTypeNames.For(grainInterface),
            grainInterface.DeclaredAccessibility == Accessibility.Public,
            new EquatableArray<MethodModel>(ownMethods),
            new EquatableArray<MethodModel>(inherited));
    }

    private List<MethodModel> AnalyzeOwnMethods(INamedTypeSymbol grainInterface, List<DiagnosticInfo> diagnostics)
    {
        var methods = new List<MethodModel>();
        var ordinal = 0;
        foreach (var member in grainInterface.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method:
                    var model = AnalyzeMethod(grainInterface, method, ordinal++, diagnostics);
                    if (model is not null)
                    {
                        methods.Add(model);
                    }

                    break;
                case IMethodSymbol:
                    break; // accessors are reported through their property or event
                case IPropertySymbol or IEventSymbol:
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMember, member, member.Name));
                    break;
            }
        }

        return methods;
    }

    private MethodModel? AnalyzeMethod(INamedTypeSymbol grainInterface, IMethodSymbol method, int ordinal, List<DiagnosticInfo> diagnostics)
    {
        var qualifiedName = grainInterface.Name + "." + method.Name;
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericNotSupported, method, qualifiedName));
            return null;
        }

        if (!TryClassifyReturn(method.ReturnType, out var returnKind, out var resultType))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, method, qualifiedName, method.ReturnType.ToDisplayString()));
            return null;
        }

        var attributes = method.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        var isOneWay = attributes.Contains("Runtime.OneWayAttribute");
        if (isOneWay && returnKind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneWayWithResult, method, qualifiedName));
            return null;
        }

        var flags = new List<string>();
        if (attributes.Contains("Runtime.ReadOnlyAttribute"))
        {
            flags.Add("global::Runtime.Invocation.InvokeFlags.ReadOnly");
        }

        if (attributes.Contains("Runtime.AlwaysInterleaveAttribute"))
        {
            flags.Add("global::Runtime.Invocation.InvokeFlags.AlwaysInterleave");
        }

        if (isOneWay)
        {
            flags.Add("global::Runtime.Invocation.InvokeFlags.OneWay");
        }

        var parameters = new List<ParameterModel>();
        var valid = true;
        foreach (var parameter in method.Parameters)
        {
            var problem = ParameterProblem(parameter);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedParameter, parameter, parameter.Name, qualifiedName, problem));
                valid = false;
                continue;
            }

            parameters.Add(new ParameterModel(
                parameter.Name,
                parameter.Type.ToCode(),
                !_immutability.IsImmutable(parameter.Type),
                parameter.Type.IsValueType || parameter.NullableAnnotation == NullableAnnotation.Annotated));
        }

        if (!valid)
        {
            return null;
        }

        var resultNeedsCopy = resultType is not null && !_immutability.IsImmutable(resultType);
        var methodKey = method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToWire())) + ")";
        var ns = grainInterface.ContainingNamespace.IsGlobalNamespace ? string.Empty : grainInterface.ContainingNamespace.ToDisplayString();
        var requestTypeName = "global::" + GeneratedNames.Namespace(ns) + "." + grainInterface.Name + "_" + method.Name + "_" + ordinal + "Request";

        return new MethodModel(
            grainInterface.ToCode(),
            grainInterface.ToWire(),
            method.Name,
            methodKey,
            returnKind,
            resultType?.ToCode() ?? "global::Runtime.Invocation.NoResult",
            resultNeedsCopy,
            flags.Count == 0 ? "global::Runtime.Invocation.InvokeFlags.None" : string.Join(" | ", flags),
            isOneWay,
            requestTypeName,
            new EquatableArray<ParameterModel>(parameters));
    }

    private string? ParameterProblem(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None)
        {
            return "ref, out and in parameters are not supported";
        }

        if (SymbolEqualityComparer.Default.Equals(parameter.Type, knownTypes.CancellationToken))
        {
            return "a CancellationToken cannot be sent to another activation; the call's timeout bounds it";
        }

        if (parameter.Type.TypeKind is TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer || parameter.Type.IsRefLikeType)
        {
            return "delegates, pointers and ref structs are not serializable";
        }

        return null;
    }

    private bool TryClassifyReturn(ITypeSymbol returnType, out ReturnKind kind, out ITypeSymbol? resultType)
    {
        resultType = null;
        kind = default;
        if (returnType is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.ConstructedFrom;
        if (SymbolEqualityComparer.Default.Equals(named, knownTypes.Task))
        {
            kind = ReturnKind.Task;
            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(named, knownTypes.ValueTask))
        {
            kind = ReturnKind.ValueTask;
            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(definition, knownTypes.TaskOfT))
        {
            kind = ReturnKind.TaskOfT;
            resultType = named.TypeArguments[0];
            return true;
        }

        if (SymbolEqualityComparer.Default.Equals(definition, knownTypes.ValueTaskOfT))
        {
            kind = ReturnKind.ValueTaskOfT;
            resultType = named.TypeArguments[0];
            return true;
        }

        return false;
    }
}
