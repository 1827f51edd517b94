namespace Runtime.Invocation;

/// <summary>How a method's requests may be scheduled, from the attributes on the interface method.</summary>
[Flags]
public enum InvokeFlags
{
    None = 0,
    ReadOnly = 1,
    AlwaysInterleave = 2,
    OneWay = 4,
}
