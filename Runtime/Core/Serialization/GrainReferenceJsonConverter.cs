using System.Text.Json;
using System.Text.Json.Serialization;
using Runtime.Invocation;
using Runtime.Manifest;

namespace Runtime.Serialization;

/// <summary>
/// Grain references travel as <c>{"grain":"type/key","interface":"Full.Name"}</c> and come back as live
/// proxies bound to the receiving silo.
/// </summary>
internal sealed class GrainReferenceJsonConverterFactory(GrainRegistry registry, Func<IGrainCallRuntime> callRuntime) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(GrainReference).IsAssignableFrom(typeToConvert)
        || (typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), registry, callRuntime)!;

    private sealed class Converter<T>(GrainRegistry registry, Func<IGrainCallRuntime> callRuntime) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? grain = null, interfaceName = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A grain reference must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "grain":
                        grain = reader.GetString();
                        break;
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!GrainId.TryParse(grain, out var grainId) || interfaceName is null)
            {
                throw new JsonException("A grain reference needs 'grain' (type/key) and 'interface'.");
            }

            if (!registry.TryGetInterface(interfaceName, out var descriptor))
            {
                throw new JsonException($"Grain interface '{interfaceName}' is not known to this silo.");
            }

            return descriptor.CreateReference(callRuntime(), grainId) as T
                ?? throw new JsonException($"A reference to {interfaceName} is not a {typeof(T)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException(
                    $"Only grain references can be serialized as {typeof(T).Name}, not a {value.GetType().Name}. Pass this.AsReference<T>() rather than the grain itself.");
            }

            writer.WriteStartObject();
            writer.WriteString("grain", reference.GrainId.ToString());
            writer.WriteString("interface", reference.InterfaceName);
            writer.WriteEndObject();
        }
    }
}
