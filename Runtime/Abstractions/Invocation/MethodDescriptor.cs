namespace Runtime.Invocation;

/// <summary>
/// Static facts about one grain interface method. Each generated request type holds one instance.
/// </summary>
public sealed class MethodDescriptor
{
    private static int s_lastIndex = -1;

    /// <param name="interfaceName">Wire name of the declaring interface (its full name).</param>
    /// <param name="methodName">The method's name, for statistics and error messages.</param>
    /// <param name="methodKey">Stable wire identity of the method within its interface: name and parameter types.</param>
    /// <param name="flags">Scheduling flags from the method's attributes.</param>
    public MethodDescriptor(string interfaceName, string methodName, string methodKey, InvokeFlags flags)
    {
        InterfaceName = interfaceName;
        MethodName = methodName;
        MethodKey = methodKey;
        Flags = flags;
        Index = Interlocked.Increment(ref s_lastIndex);
    }

    public string InterfaceName { get; }

    public string MethodName { get; }

    public string MethodKey { get; }

    public InvokeFlags Flags { get; }

    /// <summary>Dense process-wide index, so per-method statistics live in arrays rather than dictionaries.</summary>
    public int Index { get; }

    public bool IsOneWay => (Flags & InvokeFlags.OneWay) != 0;

    public bool IsReadOnly => (Flags & InvokeFlags.ReadOnly) != 0;

    public bool IsAlwaysInterleave => (Flags & InvokeFlags.AlwaysInterleave) != 0;

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
