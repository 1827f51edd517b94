namespace Runtime.Streams;

/// <summary>
/// Position of an event in its stream. Increases with publication order within a stream, and a
/// redelivered event carries the same token, so consumers make themselves idempotent by remembering
/// the highest token they have applied.
/// </summary>
public readonly record struct StreamSequenceToken(long SequenceNumber) : IComparable<StreamSequenceToken>
{
    public int CompareTo(StreamSequenceToken other) => SequenceNumber.CompareTo(other.SequenceNumber);

    public static bool operator <(StreamSequenceToken left, StreamSequenceToken right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamSequenceToken left, StreamSequenceToken right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamSequenceToken left, StreamSequenceToken right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamSequenceToken left, StreamSequenceToken right) => left.CompareTo(right) >= 0;
}
