using System.Linq;
using Runtime.CodeGenerator.Model;

namespace Runtime.CodeGenerator.Emit;

/// <summary>
/// For one grain interface: a request class per own method (the message: arguments, invocation,
/// copying, JSON) and a proxy implementing the interface, including inherited grain methods.
/// </summary>
internal static class InterfaceEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Invocation = "global::Runtime.Invocation";

    public static string Emit(InterfaceModel model)
    {
        var writer = SourceWriter.Create();
        var accessibility = model.IsPublic ? "public" : "internal";
        writer.Open("namespace " + model.GeneratedNamespace);
        foreach (var method in model.OwnMethods)
        {
            EmitRequest(writer, method, accessibility);
            writer.Line();
        }

        EmitProxy(writer, model, accessibility);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitRequest(SourceWriter writer, MethodModel method, string accessibility)
    {
        var isVoid = method.ReturnKind is ReturnKind.Task or ReturnKind.ValueTask;
        var baseType = isVoid ? Invocation + ".VoidRequest" : Invocation + ".Request<" + method.ResultType + ">";
        var className = ShortName(method.RequestTypeName);

        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"{accessibility} sealed class {className} : {baseType}");
        writer.Line($"public static readonly {Invocation}.MethodDescriptor Descriptor = new(\"{method.DeclaringWireName}\", \"{method.Name}\", \"{method.MethodKey}\", {method.Flags});");
        writer.Line();
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            var parameter = method.Parameters[i];
            writer.Line($"public {parameter.Type} Arg{i}{(parameter.IsNullable ? string.Empty : " = default!")};");
        }

        if (method.Parameters.Count > 0)
        {
            writer.Line();
        }

        writer.Line($"public override {Invocation}.MethodDescriptor Method => Descriptor;");
        writer.Line();

        var call = $"(({method.DeclaringInterface})grain).{method.Name}({string.Join(", ", method.Parameters.Select((_, i) => "Arg" + i))})";
        switch (method.ReturnKind)
        {
            case ReturnKind.Task:
                writer.Line($"protected override global::System.Threading.Tasks.ValueTask InvokeVoid(object grain) => new({call});");
                break;
            case ReturnKind.ValueTask:
                writer.Line($"protected override global::System.Threading.Tasks.ValueTask InvokeVoid(object grain) => {call};");
                break;
            case ReturnKind.TaskOfT:
                writer.Line($"protected override global::System.Threading.Tasks.ValueTask<{method.ResultType}> InvokeCore(object grain) => new({call});");
                break;
            case ReturnKind.ValueTaskOfT:
                writer.Line($"protected override global::System.Threading.Tasks.ValueTask<{method.ResultType}> InvokeCore(object grain) => {call};");
                break;
        }

        var copied = method.Parameters.Select((p, i) => (p, i)).Where(x => x.p.NeedsCopy).ToList();
        if (copied.Count > 0)
        {
            writer.Line();
            writer.Open($"protected override void CopyArguments({Invocation}.IDeepCopier copier)");
            foreach (var (_, i) in copied)
            {
                writer.Line($"Arg{i} = copier.Copy(Arg{i});");
            }

            writer.Close();
        }

        if (method.ResultNeedsCopy && !isVoid)
        {
            writer.Line();
            writer.Line($"protected override {method.ResultType} CopyResult({method.ResultType} result, {Invocation}.IDeepCopier copier) => copier.Copy(result);");
        }

        writer.Line();
        writer.Open($"protected override void WriteArguments({Json}.Utf8JsonWriter writer, {Json}.JsonSerializerOptions options)");
        writer.Line("writer.WriteStartArray();");
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            writer.Line($"{Json}.JsonSerializer.Serialize(writer, Arg{i}, options);");
        }

        writer.Line("writer.WriteEndArray();");
        writer.Close();
        writer.Line();
        writer.Open($"protected override void ReadArguments(ref {Json}.Utf8JsonReader reader, {Json}.JsonSerializerOptions options)");
        writer.Line($"{Invocation}.RequestArguments.ReadStart(ref reader);");
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            writer.Line($"Arg{i} = {Invocation}.RequestArguments.Read<{method.Parameters[i].Type}>(ref reader, options);");
        }

        writer.Line($"{Invocation}.RequestArguments.ReadEnd(ref reader);");
        writer.Close();
        writer.Close();
    }

    private static void EmitProxy(SourceWriter writer, InterfaceModel model, string accessibility)
    {
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"{accessibility} sealed class {model.ProxyName} : {Invocation}.GrainReference, {model.FullyQualifiedName}");
        writer.Line($"public {model.ProxyName}({Invocation}.IGrainCallRuntime runtime, global::Runtime.GrainId grainId) : base(runtime, grainId) {{ }}");
        writer.Line();
        writer.Line($"public override string InterfaceName => \"{model.WireName}\";");
        foreach (var method in model.OwnMethods.Concat(model.InheritedMethods))
        {
            writer.Line();
            EmitProxyMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitProxyMethod(SourceWriter writer, MethodModel method)
    {
        var returnType = method.ReturnKind switch
        {
            ReturnKind.Task => "global::System.Threading.Tasks.Task",
            ReturnKind.ValueTask => "global::System.Threading.Tasks.ValueTask",
            ReturnKind.TaskOfT => "global::System.Threading.Tasks.Task<" + method.ResultType + ">",
            _ => "global::System.Threading.Tasks.ValueTask<" + method.ResultType + ">",
        };
        var parameters = string.Join(", ", method.Parameters.Select(p => p.Type + " @" + p.Name));

        // Explicit implementations: two grain interfaces may declare the same signature.
        writer.Open($"{returnType} {method.DeclaringInterface}.{method.Name}({parameters})");
        var initializers = string.Join(", ", method.Parameters.Select((p, i) => $"Arg{i} = @{p.Name}"));
        writer.Line($"var __request = new {method.RequestTypeName}{(initializers.Length > 0 ? " { " + initializers + " }" : "()")};");
        if (method.IsOneWay)
        {
            writer.Line("InvokeOneWay(__request);");
            writer.Line(method.ReturnKind == ReturnKind.Task ? "return global::System.Threading.Tasks.Task.CompletedTask;" : "return default;");
        }
        else
        {
            writer.Line(method.ReturnKind switch
            {
                ReturnKind.ValueTask => "return new global::System.Threading.Tasks.ValueTask(InvokeAsync(__request));",
                ReturnKind.ValueTaskOfT => $"return new global::System.Threading.Tasks.ValueTask<{method.ResultType}>(InvokeAsync(__request));",
                _ => "return InvokeAsync(__request);",
            });
        }

        writer.Close();
    }

    private static string ShortName(string qualified) => qualified.Substring(qualified.LastIndexOf('.') + 1);
}
