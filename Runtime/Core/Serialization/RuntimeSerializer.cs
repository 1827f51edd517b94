using System.Text.Json;
using System.Text.Json.Serialization;
using Runtime.Invocation;
using Runtime.Manifest;

namespace Runtime.Serialization;

/// <summary>
/// The silo's one serializer: grain state, stream events, messages that cross the boundary and deep
/// copies all use these options, so whatever can be stored can also be sent, and vice versa.
/// </summary>
internal sealed class RuntimeSerializer : IDeepCopier
{
    public RuntimeSerializer(GrainRegistry registry, Func<IGrainCallRuntime> callRuntime)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new GrainIdJsonConverter(), new GrainReferenceJsonConverterFactory(registry, callRuntime) },
        };
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public T Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options)!;

    /// <summary>A deep copy made by a serialization round trip: slow, but only for values not provably immutable.</summary>
    public T Copy<T>(T value)
    {
        switch (value)
        {
            case null:
                return value;
            case string or GrainReference:
                return value;
            case byte[] bytes:
                return (T)(object)bytes.AsSpan().ToArray();
            default:
                return JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Options), Options)!;
        }
    }
}
