namespace Runtime;

/// <summary>The silo is not (or no longer) accepting calls: it has not started or is shutting down.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
        : base("The silo is not accepting calls.")
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A call addressed a grain type that no grain class in this silo implements.</summary>
public sealed class UnknownGrainTypeException : Exception
{
    public UnknownGrainTypeException(string grainType)
        : base($"No grain class implements grain type '{grainType}'. Was its assembly given to the silo with AddGrains?")
    {
        GrainType = grainType;
    }

    public UnknownGrainTypeException()
        : this("unknown")
    {
    }

    public UnknownGrainTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        GrainType = "unknown";
    }

    public string GrainType { get; }
}

/// <summary>A grain could not be activated: reading its state or its <c>OnActivateAsync</c> failed.</summary>
public sealed class ActivationFailedException : Exception
{
    public ActivationFailedException(GrainId grainId, Exception innerException)
        : base($"Activation of {grainId} failed: {innerException.Message}", innerException)
    {
        GrainId = grainId;
    }

    public ActivationFailedException()
        : base("Activation failed.")
    {
    }

    public ActivationFailedException(string message)
        : base(message)
    {
    }

    public ActivationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainId GrainId { get; }
}
