using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Runtime.CodeGenerator.Tests;

/// <summary>Compiles a sample source against the runtime's abstractions with the generator attached.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Grain).Assembly.Location),
    ];

    public static GeneratorRun Run(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new GrainCodeGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(output, generatorDiagnostics);
    }
}

internal sealed record GeneratorRun(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<string> GeneratorDiagnosticIds => GeneratorDiagnostics.Select(d => d.Id);

    /// <summary>Errors in the compilation including generated code: there must be none for valid input.</summary>
    public IEnumerable<Diagnostic> CompilationErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The generated source of one request type.</summary>
    public string RequestSource(string requestTypeName)
    {
        var source = Output.SyntaxTrees.Select(tree => tree.ToString()).Single(text => text.Contains($"class {requestTypeName} "));
        var start = source.IndexOf($"class {requestTypeName} ", StringComparison.Ordinal);
        var end = source.IndexOf("    [global::System.ComponentModel.EditorBrowsable", start, StringComparison.Ordinal);
        return end < 0 ? source[start..] : source[start..end];
    }

    public string Manifest => Output.SyntaxTrees.Select(tree => tree.ToString()).Single(text => text.Contains("GrainManifestAttribute"));
}
