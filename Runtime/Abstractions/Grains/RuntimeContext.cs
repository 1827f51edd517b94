namespace Runtime;

/// <summary>
/// The activation whose turn is executing on the current thread, or null outside grain code.
/// The runtime sets it around every batch of work it runs for an activation.
/// </summary>
public static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    public static IGrainContext? Current => t_current;

    internal static IGrainContext? Exchange(IGrainContext? context)
    {
        var previous = t_current;
        t_current = context;
        return previous;
    }
}
