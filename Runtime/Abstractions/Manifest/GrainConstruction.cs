using System.ComponentModel;
using System.Text.Json;

namespace Runtime.Manifest;

/// <summary>Helpers for generated grain factories and stream deliveries.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainConstruction
{
    public static T GetRequiredService<T>(IGrainContext context) where T : notnull =>
        context.Runtime.Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(
                $"Grain {context.GrainId} needs a {typeof(T)} in its constructor, but no such service is registered.");

    public static T DeserializeStreamItem<T>(ReadOnlyMemory<byte> payload, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(payload.Span, options)
        ?? throw new JsonException($"A stream event of type {typeof(T).Name} deserialized to null.");
}
