using System.Text.Json;
using Runtime.Activation;
using Runtime.Invocation;

namespace Runtime.Streams;

/// <summary>
/// Delivers one stream event to an implicitly subscribed grain. Written by hand rather than generated:
/// the grain does not implement a grain interface for it; the activation finds the typed delivery
/// that the code generator produced for the grain class's <c>IAsyncObserver&lt;T&gt;</c>.
/// </summary>
internal sealed class StreamDeliveryRequest : VoidRequest
{
    public static readonly MethodDescriptor Descriptor = new("Runtime.Streams.IImplicitStreamConsumer", "OnNextAsync", "OnNextAsync(StreamEvent)", InvokeFlags.None);

    public string Namespace = string.Empty;
    public long Sequence;
    public byte[] Payload = [];

    public override MethodDescriptor Method => Descriptor;

    protected override ValueTask InvokeVoid(object grain)
    {
        var activation = RuntimeContext.Current as ActivationData
            ?? throw new InvalidOperationException("Stream events are delivered inside an activation.");
        var subscription = activation.Type.FindSubscription(Namespace)
            ?? throw new InvalidOperationException($"{activation.GrainId} does not subscribe to stream namespace '{Namespace}'.");
        return new ValueTask(subscription.Deliver(grain, Payload, new StreamSequenceToken(Sequence), activation.SerializerOptions));
    }

    protected override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(Namespace);
        writer.WriteNumberValue(Sequence);
        writer.WriteBase64StringValue(Payload);
        writer.WriteEndArray();
    }

    protected override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        RequestArguments.ReadStart(ref reader);
        Namespace = RequestArguments.Read<string>(ref reader, options);
        Sequence = RequestArguments.Read<long>(ref reader, options);
        Payload = RequestArguments.Read<byte[]>(ref reader, options);
        RequestArguments.ReadEnd(ref reader);
    }
}
