namespace Runtime;

/// <summary>Stands in for an exception thrown by a grain whose type cannot be rebuilt on the caller's side.</summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException(string originalType, string message)
        : base($"{originalType}: {message}")
    {
        OriginalType = originalType;
    }

    public RemoteGrainException()
        : this("unknown", "A grain call failed.")
    {
    }

    public RemoteGrainException(string message)
        : this("unknown", message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = innerException.GetType().FullName ?? "unknown";
    }

    /// <summary>Assembly-qualified name of the exception the grain threw.</summary>
    public string OriginalType { get; } = "unknown";
}
