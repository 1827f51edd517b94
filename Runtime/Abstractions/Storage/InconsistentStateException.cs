namespace Runtime;

/// <summary>
/// A state write or clear found the stored record at a different version than the one it was
/// read at. Usually means a second activation of the same grain exists (or existed) somewhere.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException()
        : base("The stored state changed since it was read.")
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version found in storage, when the provider could tell.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the writer expected.</summary>
    public string? CurrentEtag { get; }
}
