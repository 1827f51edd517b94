using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Hosting;

/// <summary>
/// Answers requests the framework could not read — malformed JSON, a value of the wrong type, a body of
/// the wrong media type or size, a parameter that does not parse — with a problem that says, in our words,
/// which field is wrong and why (<c>errors</c> keyed by field, as validation problems are), never the
/// framework's exception text. Handled here, such requests are not logged as server errors.
/// </summary>
internal sealed partial class UnreadableRequestHandler(IProblemDetailsService problems, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException unreadable)
        {
            return false;
        }

        var (detail, field, reason) = Explain(http, unreadable);
        var problem = new ProblemDetails
        {
            Status = unreadable.StatusCode,
            Title = ReasonPhrases.GetReasonPhrase(unreadable.StatusCode),
            Detail = detail,
        };
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason!] };
        }

        http.Response.StatusCode = unreadable.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private (string Detail, string? Field, string? Reason) Explain(HttpContext http, BadHttpRequestException unreadable)
    {
        switch (unreadable)
        {
            case { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return ("The request body is larger than this endpoint accepts.", null, null);
            case { StatusCode: StatusCodes.Status415UnsupportedMediaType }:
                return (UnsupportedBody(http), null, null);
            case { InnerException: JsonException { InnerException: JsonException } syntax }:
                // System.Text.Json wraps the reader's own error: the text is not JSON at all.
                return ($"The body is not valid JSON: it breaks off or has a syntax error at line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1}.", null, null);
            case { InnerException: JsonException wrongType }:
                return ExplainValue(http, wrongType);
            default:
                return BindFailure().Match(unreadable.Message) is { Success: true } bind
                    ? Field(JsonNamingPolicy.SnakeCaseLower.ConvertName(bind.Groups["name"].Value), $"must be {Describe(bind.Groups["type"].Value)}")
                    : (http.Request.ContentLength is 0 or null && !http.Request.Headers.ContainsKey("Transfer-Encoding")
                        ? "This endpoint needs a JSON body."
                        : "The request could not be read: its body or a parameter is malformed.", null, null);
        }
    }

    /// <summary>A JSON value of the wrong type (or unreadable text): the field from its path, what it must be from the endpoint's body type.</summary>
    private (string, string?, string?) ExplainValue(HttpContext http, JsonException error)
    {
        var path = error.Path ?? "$";
        var field = FieldOf(path);
        if (field is null)
        {
            return ("The body must be a JSON object.", null, null);
        }

        if (error.InnerException?.InnerException is System.Text.DecoderFallbackException)
        {
            return Field(field, "is not valid UTF-8 text");
        }

        // The exception handler has cleared the request's endpoint; its feature remembers the one that failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var property = requestType is null
            ? null
            : json.Value.SerializerOptions.GetTypeInfo(requestType).Properties.FirstOrDefault(p => p.Name == field);
        return Field(field, property is null ? "is not a field of this body" : $"must be {Describe(property.PropertyType)}");
    }

    private static (string, string?, string?) Field(string field, string reason) => ($"{field} {reason}.", field, reason);

    /// <summary>The top-level field a JSON path points into: <c>$.media_ids[0]</c> → <c>media_ids</c>; null for the body itself.</summary>
    private static string? FieldOf(string path)
    {
        var match = TopLevelField().Match(path);
        return match.Success ? match.Groups["field"].Value : null;
    }

    /// <summary>
    /// Why a body's media type is refused. Also the detail of the routing's own 415 (an endpoint that
    /// declares what it accepts is not even matched by other media types), which raises no exception.
    /// </summary>
    public static string UnsupportedBody(HttpContext http)
    {
        var sent = http.Request.ContentType is { Length: > 0 } type ? $"'{type}'" : "no Content-Type";
        return $"This endpoint does not accept a body with {sent}. Uploads are multipart/form-data with the file in the field 'file'; every other body is application/json.";
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number";
        }

        var element = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null ? $"an array of {Plural(Describe(element))}" : "an object";
    }

    /// <summary>The framework's parameter type names, as its bind failures spell them.</summary>
    private static string Describe(string frameworkTypeName) => frameworkTypeName.TrimEnd('?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "a GUID",
        _ => "a value of another type",
    };

    private static string Plural(string description) => description switch
    {
        "a string" => "strings",
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        "true or false" => "booleans",
        _ => "objects",
    };

    [GeneratedRegex(@"^\$\.(?<field>[A-Za-z0-9_]+)")]
    private static partial Regex TopLevelField();

    /// <summary>Minimal APIs' message for a route or query value that does not parse, e.g. <c>Failed to bind parameter "long postId" from "abc".</c></summary>
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\" from \"")]
    private static partial Regex BindFailure();
}
