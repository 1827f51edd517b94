namespace Grains.Benchmarks.Baselines;

/// <summary>
/// The ping grain's method on a plain interface. Not the grain interface itself: Orleans registers every
/// class implementing a grain interface as a grain class, and a second one would make the grain ambiguous.
/// </summary>
internal interface IPing
{
    Task<int> PingAsync(int value);
}

/// <summary>The ping grain's work on a plain object: what a call costs with no runtime at all.</summary>
internal sealed class PlainPing : IPing
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
