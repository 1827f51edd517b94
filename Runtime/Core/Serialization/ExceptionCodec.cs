using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Runtime.Serialization;

/// <summary>
/// Carries an exception across the message boundary as its type name, message and stack trace, and
/// rebuilds it as the same type when that type is known here and has a (string message) constructor;
/// otherwise as <see cref="RemoteGrainException"/> naming the original type.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteString("type", exception.GetType().AssemblyQualifiedName);
        writer.WriteString("message", exception.Message);
        writer.WriteString("stackTrace", exception.StackTrace);
        writer.WriteEndObject();
    }

    public static Exception Read(ref Utf8JsonReader reader)
    {
        string? typeName = null, message = null, stackTrace = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An exception must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "type":
                    typeName = reader.GetString();
                    break;
                case "message":
                    message = reader.GetString();
                    break;
                case "stackTrace":
                    stackTrace = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var exception = Rebuild(typeName, message ?? string.Empty);
        if (!string.IsNullOrEmpty(stackTrace))
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(exception, stackTrace);
        }

        return exception;
    }

    private static Exception Rebuild(string? typeName, string message)
    {
        var type = typeName is null ? null : Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is not null)
        {
            try
            {
                return (Exception)Activator.CreateInstance(type, message)!;
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // Constructor refused this message: fall through to the generic carrier.
            }
        }

        return new RemoteGrainException(typeName ?? "unknown", message);
    }
}
