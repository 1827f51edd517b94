using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Runtime.CodeGenerator.Model;

/// <summary>
/// A diagnostic to report, held by value: <see cref="Diagnostic"/> and <see cref="Location"/> keep
/// syntax trees alive and do not compare by value, which the incremental pipeline needs.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string? FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, ISymbol? symbol, params string[] arguments)
    {
        var location = symbol is null || symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];
        var lineSpan = location.GetLineSpan();
        return new DiagnosticInfo(descriptor, location.SourceTree?.FilePath, location.SourceSpan, lineSpan.Span, new EquatableArray<string>(arguments));
    }

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, location, arguments);
    }

    public bool Equals(DiagnosticInfo? other) =>
        other is not null && Descriptor.Id == other.Descriptor.Id && FilePath == other.FilePath && Span == other.Span && Arguments.Equals(other.Arguments);

    public override int GetHashCode() => HashCode(Descriptor.Id, Span.GetHashCode(), Arguments.GetHashCode());

    private static int HashCode(string id, int span, int arguments) => unchecked((StringComparer.Ordinal.GetHashCode(id) * 31 + span) * 31 + arguments);
}
