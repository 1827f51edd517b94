using System.Reflection;

namespace Instagram.Grains;

/// <summary>
/// Names this assembly for <c>AddGrains</c>. The silo finds grain classes through the manifest the code
/// generator adds to each assembly, so it needs the assembly itself; this anchor lets the host name it
/// without picking an arbitrary grain class (and works while there are none yet).
/// </summary>
public static class GrainsAssembly
{
    public static Assembly Assembly { get; } = typeof(GrainsAssembly).Assembly;
}
