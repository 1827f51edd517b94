using Microsoft.CodeAnalysis;

namespace Runtime.CodeGenerator.Analysis;

internal static class SymbolFormats
{
    /// <summary>For emitted code: <c>global::</c>-qualified, with nullable annotations.</summary>
    public static readonly SymbolDisplayFormat Code = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>For wire identities: namespace-qualified, no <c>global::</c>, no nullability (which does not change the wire).</summary>
    public static readonly SymbolDisplayFormat Wire = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string ToCode(this ITypeSymbol type) => type.ToDisplayString(Code);

    public static string ToWire(this ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Wire);
}
