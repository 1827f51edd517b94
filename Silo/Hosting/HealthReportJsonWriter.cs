using System.Buffers;
using System.Text.Json;
using Instagram.Silo.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Instagram.Silo.Hosting;

/// <summary>
/// Writes a health report as compact JSON: to anyone, each check's name and state
/// (<c>{"status":"Unhealthy","checks":[{"name":"silo","status":"Unhealthy"}]}</c>); to a request carrying
/// the operator credential, also each check's description and data (database locations, for one), which
/// are nobody else's business. Exceptions are always left out: their messages may carry connection details.
/// </summary>
public static class HealthReportJsonWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var details = (await context.AuthenticateAsync(OperatorAuthenticationHandler.SchemeName)).Succeeded;

        // Built in memory, then sent asynchronously: Kestrel forbids the synchronous writes a
        // Utf8JsonWriter over the response stream would make.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report, details);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, HealthReport report, bool details)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            if (details)
            {
                json.WriteString("description", entry.Description);
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    json.WritePropertyName(key);
                    JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
