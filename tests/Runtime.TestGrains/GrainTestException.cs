namespace Runtime.TestGrains;

/// <summary>Thrown by test grains, to check that exceptions reach callers with their type and message.</summary>
public sealed class GrainTestException : Exception
{
    public GrainTestException()
    {
    }

    public GrainTestException(string message)
        : base(message)
    {
    }

    public GrainTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
