using System.Diagnostics.CodeAnalysis;

namespace Runtime;

/// <summary>
/// The identity of a grain: a grain type name plus a key. A grain exists virtually for every
/// identity; the runtime activates it on the first call. String, Guid and integer keys are all
/// carried as their canonical string form so that one identity type serves every key kind.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly int _hashCode;

    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!IsValidTypeName(type))
        {
            throw new ArgumentException($"Grain type '{type}' must consist of lower-case letters, digits, '.', '-' or '_'.", nameof(type));
        }

        Type = type;
        Key = key;
        _hashCode = StableHash.Combine(StableHash.Of(type), StableHash.Of(key));
    }

    /// <summary>The grain type name, e.g. <c>user</c>.</summary>
    public string Type { get; }

    /// <summary>The key in canonical string form.</summary>
    public string Key { get; }

    public bool IsDefault => Type is null;

    public static GrainId Create(string type, string key) => new(type, key);

    public static GrainId Create(string type, Guid key) => new(type, GrainKeyFormat.Format(key));

    public static GrainId Create(string type, long key) => new(type, GrainKeyFormat.Format(key));

    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        if (!TryParse(value, out var id))
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return id;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out GrainId id)
    {
        id = default;
        var slash = value?.IndexOf('/') ?? -1;
        if (value is null || slash <= 0 || slash == value.Length - 1 || !IsValidTypeName(value.AsSpan(0, slash)))
        {
            return false;
        }

        id = new GrainId(value[..slash], value[(slash + 1)..]);
        return true;
    }

    /// <summary>
    /// A hash that is the same in every process and on every machine, so that placement decisions
    /// (which silo owns this grain) agree across the cluster. <see cref="string.GetHashCode()"/> is
    /// randomised per process and cannot serve.
    /// </summary>
    public int GetUniformHashCode() => _hashCode;

    public bool Equals(GrainId other) =>
        _hashCode == other._hashCode && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hashCode;

    public override string ToString() => IsDefault ? "(none)" : $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);

    private static bool IsValidTypeName(ReadOnlySpan<char> type)
    {
        foreach (var c in type)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return type.Length > 0;
    }
}
