using System.ComponentModel;
using System.Text.Json;

namespace Runtime.Invocation;

/// <summary>Reading the JSON argument array of a request. Called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestArguments
{
    public static void ReadStart(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None)
        {
            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Request arguments must be a JSON array, found {reader.TokenType}.");
        }

        reader.Read();
    }

    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            throw new JsonException("The request carries fewer arguments than the method takes.");
        }

        var value = JsonSerializer.Deserialize<T>(ref reader, options);
        reader.Read();
        return value!;
    }

    public static void ReadEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("The request carries more arguments than the method takes.");
        }
    }
}
