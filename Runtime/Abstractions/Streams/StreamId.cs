namespace Runtime.Streams;

/// <summary>
/// Identifies a stream: a namespace (the kind of stream, e.g. <c>media-jobs</c>) and a key. Grains
/// implicitly subscribed to a namespace receive the events of the stream whose key equals their own.
/// </summary>
public readonly record struct StreamId
{
    public StreamId(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(key);
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string @namespace, string key) => new(@namespace, key);

    public static StreamId Create(string @namespace, Guid key) => new(@namespace, GrainKeyFormat.Format(key));

    public static StreamId Create(string @namespace, long key) => new(@namespace, GrainKeyFormat.Format(key));

    public override string ToString() => $"{Namespace}/{Key}";
}
