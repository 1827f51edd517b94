using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Runtime.CodeGenerator.Model;

namespace Runtime.CodeGenerator.Emit;

/// <summary>
/// The assembly's manifest: registers every grain interface (reference factory, request factories)
/// and grain class (constructor call, scheduling facts, implicit subscriptions) with the runtime.
/// </summary>
internal static class ManifestEmitter
{
    private const string Manifest = "global::Runtime.Manifest";

    public static string Emit(string assemblyName, IReadOnlyList<InterfaceModel> interfaces, IReadOnlyList<GrainClassModel> classes)
    {
        var className = "GrainManifest_" + Sanitize(assemblyName);
        var writer = SourceWriter.Create();
        writer.Line($"[assembly: {Manifest}.GrainManifestAttribute(typeof(global::RuntimeGenerated.{className}))]");
        writer.Line();
        writer.Open("namespace RuntimeGenerated");
        writer.Open($"internal sealed class {className} : {Manifest}.IGrainManifest");
        writer.Open($"public void Populate({Manifest}.IGrainManifestBuilder builder)");
        foreach (var model in interfaces)
        {
            EmitInterface(writer, model);
        }

        foreach (var model in classes)
        {
            EmitClass(writer, model);
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitInterface(SourceWriter writer, InterfaceModel model)
    {
        var proxy = "global::" + model.GeneratedNamespace + "." + model.ProxyName;
        writer.Line($"builder.AddInterface(new {Manifest}.GrainInterfaceDescriptor(");
        writer.Line($"    typeof({model.FullyQualifiedName}),");
        writer.Line($"    {Literal(model.WireName)},");
        writer.Line($"    {Literal(model.GrainType)},");
        writer.Line($"    static (runtime, grainId) => new {proxy}(runtime, grainId),");
        writer.Line($"    new {Manifest}.RequestDescriptor[]");
        writer.Line("    {");
        foreach (var method in model.OwnMethods)
        {
            writer.Line($"        new({method.RequestTypeName}.Descriptor, static () => new {method.RequestTypeName}()),");
        }

        writer.Line("    }));");
    }

    private static void EmitClass(SourceWriter writer, GrainClassModel model)
    {
        var arguments = string.Join(", ", model.ConstructorArguments.Select(ArgumentExpression));
        writer.Line($"builder.AddGrainClass(new {Manifest}.GrainClassDescriptor(");
        writer.Line($"    typeof({model.FullyQualifiedName}),");
        writer.Line($"    new string[] {{ {string.Join(", ", model.GrainTypes.Select(Literal))} }},");
        writer.Line($"    static context => new {model.FullyQualifiedName}({arguments}),");
        writer.Line($"    {(model.IsReentrant ? "true" : "false")},");
        writer.Line($"    {model.CollectionAgeLimitExpression ?? "null"},");
        writer.Line($"    new {Manifest}.ImplicitSubscriptionDescriptor[]");
        writer.Line("    {");
        foreach (var subscription in model.Subscriptions)
        {
            writer.Line($"        new({Literal(subscription.StreamNamespace)}, typeof({subscription.ItemType}), static (grain, payload, token, options) =>");
            writer.Line($"            ((global::Runtime.Streams.IAsyncObserver<{subscription.ItemType}>)grain).OnNextAsync(");
            writer.Line($"                {Manifest}.GrainConstruction.DeserializeStreamItem<{subscription.ItemType}>(payload, options), token)),");
        }

        writer.Line("    }));");
    }

    private static string ArgumentExpression(ConstructorArgumentModel argument) => argument.Kind switch
    {
        ConstructorArgumentKind.PersistentState =>
            $"context.GetPersistentState<{argument.Type}>({Literal(argument.StateName)}, {Literal(argument.StorageName)}, static () => new {argument.Type}())",
        ConstructorArgumentKind.GrainContext => "context",
        _ => $"{Manifest}.GrainConstruction.GetRequiredService<{argument.Type}>(context)",
    };

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Sanitize(string assemblyName)
    {
        var builder = new StringBuilder(assemblyName.Length);
        foreach (var c in assemblyName)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }
}
