using System.Buffers;
using System.Text.Json;
using Runtime.Invocation;
using Runtime.Manifest;
using Runtime.Serialization;

namespace Runtime.Messaging;

/// <summary>
/// The wire form of calls. A request is <c>{"target","interface","method","args":[…]}</c>; a response is
/// <c>{"result":…}</c> or <c>{"exception":{type,message,stackTrace}}</c>. In-process calls use it only in
/// message-boundary mode; the cluster transport carries exactly these bytes between silos.
/// </summary>
internal sealed class MessageCodec(GrainRegistry registry, RuntimeSerializer serializer)
{
    public byte[] EncodeRequest(RequestBase request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("target", request.TargetId.ToString());
            writer.WriteString("interface", request.Method.InterfaceName);
            writer.WriteString("method", request.Method.MethodKey);
            writer.WritePropertyName("args");
            request.SerializeArguments(writer, serializer.Options);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public RequestBase DecodeRequest(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        Expect(ref reader, JsonTokenType.StartObject);
        string? target = null, interfaceName = null, methodKey = null;
        RequestBase? request = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "target":
                    target = reader.GetString();
                    break;
                case "interface":
                    interfaceName = reader.GetString();
                    break;
                case "method":
                    methodKey = reader.GetString();
                    break;
                case "args" when interfaceName is not null && methodKey is not null:
                    request = registry.CreateEmptyRequest(interfaceName, methodKey);
                    request.DeserializeArguments(ref reader, serializer.Options);
                    break;
                default:
                    throw new JsonException($"Unexpected '{property}' in a request message (interface and method must precede args).");
            }
        }

        if (request is null || !GrainId.TryParse(target, out var targetId))
        {
            throw new JsonException("A request message needs target, interface, method and args.");
        }

        request.TargetId = targetId;
        return request;
    }

    /// <summary>Writes the outcome (result or exception) stored on a completed grain-side request.</summary>
    public byte[] EncodeResponse(RequestBase completed)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (completed.Exception is { } exception)
            {
                writer.WritePropertyName("exception");
                ExceptionCodec.Write(writer, exception);
            }
            else
            {
                writer.WritePropertyName("result");
                completed.WriteResult(writer, serializer.Options);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Stores the outcome carried by a response message on the caller's request.</summary>
    public void DecodeResponse(ReadOnlySpan<byte> message, RequestBase callerRequest)
    {
        var reader = new Utf8JsonReader(message);
        Expect(ref reader, JsonTokenType.StartObject);
        reader.Read();
        var property = reader.GetString();
        reader.Read();
        switch (property)
        {
            case "result":
                callerRequest.ReadResult(ref reader, serializer.Options);
                break;
            case "exception":
                callerRequest.Exception = ExceptionCodec.Read(ref reader);
                break;
            default:
                throw new JsonException($"A response message holds 'result' or 'exception', not '{property}'.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"Expected {token} in message, found {reader.TokenType}.");
        }
    }
}
