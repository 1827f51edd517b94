namespace Grains.Benchmarks.Measuring;

/// <summary>Spreads a loop's calls over a set of targets.</summary>
internal static class RoundRobin
{
    /// <summary>
    /// Loop <paramref name="loop"/> of <paramref name="loops"/> starts at its share of the targets and goes
    /// round them one by one, so at any moment the loops' calls are spread over the whole set.
    /// </summary>
    public static Func<Task> Calls<TTarget>(IReadOnlyList<TTarget> targets, int loop, int loops, Func<TTarget, int, Task<int>> call)
    {
        var next = (int)((long)loop * targets.Count / loops);
        return () =>
        {
            var target = targets[next];
            next = next + 1 == targets.Count ? 0 : next + 1;
            return call(target, next);
        };
    }
}
