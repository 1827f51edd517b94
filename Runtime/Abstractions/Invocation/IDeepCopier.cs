namespace Runtime.Invocation;

/// <summary>
/// Copies values that are not provably immutable at the call boundary, so that caller and grain never
/// share a mutable object. Generated code only calls it for such values; immutable ones pass by reference.
/// </summary>
public interface IDeepCopier
{
    T Copy<T>(T value);
}
