using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Runtime.CodeGenerator.Analysis;
using Runtime.CodeGenerator.Emit;
using Runtime.CodeGenerator.Model;

namespace Runtime.CodeGenerator;

/// <summary>
/// Generates, for every grain interface declared in the compilation, its request classes and proxy;
/// for every concrete grain class, its factory; and one manifest that registers them all.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainCodeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, _) => AnalyzeInterface(syntax))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!);

        var classes = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null } declaration
                    && !declaration.Modifiers.Any(m => m.Text == "abstract" || m.Text == "static"),
                static (syntax, _) => AnalyzeClass(syntax))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!);

        context.RegisterSourceOutput(interfaces, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.Model is { } model)
            {
                output.AddSource(FileName(model.GeneratedNamespace, model.Name), InterfaceEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(classes, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var manifestInput = interfaces.Collect().Combine(classes.Collect()).Combine(context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "Assembly"));
        context.RegisterSourceOutput(manifestInput, static (output, input) =>
        {
            var ((interfaceResults, classResults), assemblyName) = input;
            var interfaceModels = interfaceResults.Select(r => r.Model).OfType<InterfaceModel>().OrderBy(m => m.WireName, System.StringComparer.Ordinal).ToList();
            var classModels = classResults.Select(r => r.Model).OfType<GrainClassModel>().OrderBy(m => m.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
            if (interfaceModels.Count > 0 || classModels.Count > 0)
            {
                output.AddSource("GrainManifest.g.cs", ManifestEmitter.Emit(assemblyName, interfaceModels, classModels));
            }
        });
    }

    private static AnalysisResult<InterfaceModel>? AnalyzeInterface(GeneratorSyntaxContext syntax)
    {
        if (syntax.SemanticModel.GetDeclaredSymbol(syntax.Node) is not INamedTypeSymbol symbol)
        {
            return null;
        }

        var knownTypes = KnownTypes.For(syntax.SemanticModel.Compilation);
        if (!knownTypes.IsUsable || !knownTypes.IsGrainInterface(symbol) || IsSecondaryPart(symbol, syntax.Node))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var model = new InterfaceAnalyzer(knownTypes).Analyze(symbol, diagnostics);
        return new AnalysisResult<InterfaceModel>(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static AnalysisResult<GrainClassModel>? AnalyzeClass(GeneratorSyntaxContext syntax)
    {
        if (syntax.SemanticModel.GetDeclaredSymbol(syntax.Node) is not INamedTypeSymbol symbol || symbol.IsGenericType)
        {
            return null;
        }

        var knownTypes = KnownTypes.For(syntax.SemanticModel.Compilation);
        if (!knownTypes.IsUsable || !knownTypes.DerivesFromGrain(symbol) || IsSecondaryPart(symbol, syntax.Node))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var model = new GrainClassAnalyzer(knownTypes).Analyze(symbol, diagnostics);
        return new AnalysisResult<GrainClassModel>(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>A partial type is analysed once, at its first declaration.</summary>
    private static bool IsSecondaryPart(INamedTypeSymbol symbol, SyntaxNode node) =>
        symbol.DeclaringSyntaxReferences.Length > 1 && symbol.DeclaringSyntaxReferences[0].GetSyntax() != node;

    private static string FileName(string ns, string name) => ns + "." + name + ".g.cs";
}

internal sealed record AnalysisResult<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class;
