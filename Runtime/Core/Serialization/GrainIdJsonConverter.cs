using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Serialization;

/// <summary>A <see cref="GrainId"/> travels as its <c>type/key</c> string.</summary>
internal sealed class GrainIdJsonConverter : JsonConverter<GrainId>
{
    public override GrainId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        GrainId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("A grain id must be a 'type/key' string.");

    public override void Write(Utf8JsonWriter writer, GrainId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
