using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// The one timestamp format of every answer: UTC with milliseconds, <c>2026-12-08T02:28:00.123Z</c>. Times
/// stored in milliseconds and times computed from the clock (ticks) would otherwise come out with 3 and 7
/// fractional digits and different offsets. Accepts any ISO 8601 time on input.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
