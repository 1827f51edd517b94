namespace Runtime;

// How calls to a grain may interleave. By default an activation runs one turn at a time: a request
// that awaits keeps the activation to itself until it completes. These attributes relax that rule.

/// <summary>Requests to this grain may interleave at every await.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>The method does not change state, so it may interleave with other read-only requests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;

/// <summary>The method may interleave with any other request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

/// <summary>
/// Fire and forget: the caller's task completes as soon as the request is sent, no response (and
/// no exception) comes back. The method must return a non-generic <see cref="Task"/> or <see cref="ValueTask"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

/// <summary>
/// Declares a type immutable so the runtime passes it across calls by reference instead of copying it.
/// Sealed records whose members are all immutable need no attribute; the code generator proves those itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;

/// <summary>Names the grain type of a grain interface (default: the interface name without <c>I</c> and <c>Grain</c>, lower case).</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Overrides the silo-wide idle collection age for activations of this grain class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public double Minutes { get; init; }

    public double Seconds { get; init; }

    public TimeSpan Age => TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}
