using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Runtime.CodeGenerator.Model;

namespace Runtime.CodeGenerator.Analysis;

/// <summary>Turns a concrete grain class into a <see cref="GrainClassModel"/>: factory arguments, types, subscriptions.</summary>
internal sealed class GrainClassAnalyzer(KnownTypes knownTypes)
{
    public GrainClassModel? Analyze(INamedTypeSymbol grainClass, List<DiagnosticInfo> diagnostics)
    {
        var grainTypes = grainClass.AllInterfaces
            .Where(knownTypes.IsKeyedGrainInterface)
            .Select(GrainTypeNames.For)
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToList();
        if (grainTypes.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoGrainInterface, grainClass, grainClass.Name));
            return null;
        }

        var constructor = grainClass.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoConstructor, grainClass, grainClass.Name));
            return null;
        }

        var arguments = new List<ConstructorArgumentModel>();
        foreach (var parameter in constructor.Parameters)
        {
            var argument = AnalyzeConstructorParameter(grainClass, parameter, diagnostics);
            if (argument is null)
            {
                return null;
            }

            arguments.Add(argument);
        }

        var subscriptions = AnalyzeSubscriptions(grainClass, diagnostics);
        if (subscriptions is null)
        {
            return null;
        }

        return new GrainClassModel(
            grainClass.ToCode(),
            new EquatableArray<string>(grainTypes),
            new EquatableArray<ConstructorArgumentModel>(arguments),
            IsReentrant(grainClass),
            CollectionAgeLimit(grainClass),
            new EquatableArray<SubscriptionModel>(subscriptions));
    }

    private ConstructorArgumentModel? AnalyzeConstructorParameter(INamedTypeSymbol grainClass, IParameterSymbol parameter, List<DiagnosticInfo> diagnostics)
    {
        var stateAttribute = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Runtime.PersistentStateAttribute");
        if (stateAttribute is null)
        {
            return SymbolEqualityComparer.Default.Equals(parameter.Type, knownTypes.GrainContext)
                ? new ConstructorArgumentModel(ConstructorArgumentKind.GrainContext, parameter.Type.ToCode(), string.Empty, string.Empty)
                : new ConstructorArgumentModel(ConstructorArgumentKind.Service, parameter.Type.ToCode(), string.Empty, string.Empty);
        }

        if (parameter.Type is not INamedTypeSymbol { IsGenericType: true } stateType
            || !SymbolEqualityComparer.Default.Equals(stateType.ConstructedFrom, knownTypes.PersistentState))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadPersistentState, parameter, parameter.Name, grainClass.Name, "[PersistentState] parameters must be of type IPersistentState<TState>"));
            return null;
        }

        var state = stateType.TypeArguments[0];
        var hasDefaultConstructor = state.IsValueType
            || (state is INamedTypeSymbol namedState && !namedState.IsAbstract
                && namedState.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility >= Accessibility.Internal));
        if (!hasDefaultConstructor)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadPersistentState, parameter, parameter.Name, grainClass.Name, $"state type '{state.Name}' needs a parameterless constructor for its initial value"));
            return null;
        }

        var stateName = stateAttribute.ConstructorArguments.Length > 0 ? stateAttribute.ConstructorArguments[0].Value as string : null;
        var storageName = stateAttribute.ConstructorArguments.Length > 1 ? stateAttribute.ConstructorArguments[1].Value as string : null;
        if (string.IsNullOrEmpty(stateName))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadPersistentState, parameter, parameter.Name, grainClass.Name, "the state needs a name"));
            return null;
        }

        return new ConstructorArgumentModel(ConstructorArgumentKind.PersistentState, state.ToCode(), stateName!, storageName ?? "Default");
    }

    private List<SubscriptionModel>? AnalyzeSubscriptions(INamedTypeSymbol grainClass, List<DiagnosticInfo> diagnostics)
    {
        var subscriptions = new List<SubscriptionModel>();
        var observers = grainClass.AllInterfaces
            .Where(i => i.IsGenericType && SymbolEqualityComparer.Default.Equals(i.ConstructedFrom, knownTypes.AsyncObserver))
            .ToList();
        foreach (var attribute in grainClass.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "Runtime.Streams.ImplicitStreamSubscriptionAttribute"
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not string streamNamespace)
            {
                continue;
            }

            if (observers.Count != 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadImplicitSubscription, grainClass, grainClass.Name, streamNamespace, observers.Count.ToString(CultureInfo.InvariantCulture)));
                return null;
            }

            subscriptions.Add(new SubscriptionModel(streamNamespace, observers[0].TypeArguments[0].ToCode()));
        }

        return subscriptions;
    }

    private static bool IsReentrant(INamedTypeSymbol grainClass)
    {
        for (var type = grainClass; type is not null; type = type.BaseType)
        {
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Runtime.ReentrantAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? CollectionAgeLimit(INamedTypeSymbol grainClass)
    {
        for (var type = grainClass; type is not null; type = type.BaseType)
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Runtime.CollectionAgeLimitAttribute");
            if (attribute is null)
            {
                continue;
            }

            var seconds = 0.0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Value.Value is double value)
                {
                    seconds += named.Key == "Minutes" ? value * 60 : named.Key == "Seconds" ? value : 0;
                }
            }

            return "global::System.TimeSpan.FromSeconds(" + seconds.ToString("R", CultureInfo.InvariantCulture) + ")";
        }

        return null;
    }
}
