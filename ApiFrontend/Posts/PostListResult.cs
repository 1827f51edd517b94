using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Posts;

/// <summary>
/// A page of posts, written as <see cref="PostListResponse"/> would serialize but from each post's ready JSON
/// (<see cref="PostCard.Json"/>): a feed page is mostly copying bytes.
/// </summary>
public sealed class PostListResult(IReadOnlyList<RenderedPost> posts, string? nextCursor, bool hasMore) : IResult, IEndpointMetadataProvider
{
    public IReadOnlyList<RenderedPost> Posts => posts;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PostListResponse), ["application/json"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        WriteTo(response.BodyWriter, options);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public void WriteTo(IBufferWriter<byte> output, JsonSerializerOptions options)
    {
        var names = PropertyNames.Of(options);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteStartArray(names.Posts);
        foreach (var post in posts)
        {
            writer.WriteRawValue(post.Card.Json(post.Marks, options), skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteString(names.NextCursor, nextCursor);
        writer.WriteBoolean(names.HasMore, hasMore);
        writer.WriteEndObject();
    }

    /// <summary>The envelope's property names under the options' naming policy, worked out once per options.</summary>
    private sealed record PropertyNames(JsonEncodedText Posts, JsonEncodedText NextCursor, JsonEncodedText HasMore)
    {
        private static PropertyNames? s_last;

        public static PropertyNames Of(JsonSerializerOptions options)
        {
            if (s_last is { } last && ReferenceEquals(last.Options, options))
            {
                return last;
            }

            JsonEncodedText Name(string property) => JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(property) ?? property);
            return s_last = new PropertyNames(
                Name(nameof(PostListResponse.Posts)), Name(nameof(PostListResponse.NextCursor)), Name(nameof(PostListResponse.HasMore))) { Options = options };
        }

        private JsonSerializerOptions? Options { get; init; }
    }
}
