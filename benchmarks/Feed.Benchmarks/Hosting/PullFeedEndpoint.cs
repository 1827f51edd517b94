using System.Text.Json;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.Posts;
using Instagram.ApiFrontend.Users;
using Instagram.Grains.Paging;
using Instagram.Grains.Posts;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feed.Benchmarks.Hosting;

/// <summary>
/// GET /bench/pull-feed: the feed computed the way a system without grains would, on every request: ONE SQL
/// query over follows, posts, users, media, likes and saves against PostgreSQL, answered as the same records
/// the API serializes, so the JSON is byte for byte the shape of GET /api/v1/feed (checked on one reader).
/// Authenticated like the feed: the viewer is the token's NameIdentifier claim.
/// </summary>
internal sealed class PullFeedEndpoint(string connectionString) : IAsyncDisposable
{
    public const string Path = "/bench/pull-feed";

    private const int Limit = 20;

    // The inner query pages: newest posts first, kept if the viewer follows the author (a hashed list of the
    // viewer's followees) or is the author (the timeline holds one's own posts too). The outer query hydrates
    // only that page: author, avatar thumbnail, media with their variants' keys by name, the viewer's marks.
    // Variant JSON is taken apart here, in the database, so the endpoint only formats URLs; each media item is
    // a scalar subquery so that it is found by its key (a join lets the planner scan all the owner's media).
    private const string Sql = """
        SELECT page.post_id, page.author_id, u.username,
               (SELECT v.item->>'key' FROM json_array_elements(avatar.variants::json) AS v(item) WHERE v.item->>'name' = @avatar) AS avatar_key,
               page.caption, page.location_lat, page.location_lng, page.location_name,
               page.like_count, page.comment_count, page.created_at,
               (SELECT json_agg(
                           (SELECT json_build_array(
                                       m.media_id, m.media_type, m.status, m.width, m.height, m.duration_seconds, m.blurhash,
                                       (SELECT json_object_agg(v.item->>'name', v.item->>'key' ORDER BY v.n)
                                          FROM json_array_elements(m.variants::json) WITH ORDINALITY AS v(item, n)),
                                       m.failure)
                              FROM media m WHERE m.media_id = listed.media_id::bigint AND m.owner_id = page.author_id)
                           ORDER BY listed.position)
                  FROM jsonb_array_elements_text(page.media_ids::jsonb) WITH ORDINALITY AS listed(media_id, position))::text AS media,
               EXISTS (SELECT 1 FROM likes l WHERE l.post_id = page.post_id AND l.user_id = @viewer) AS liked_by_me,
               EXISTS (SELECT 1 FROM saves s WHERE s.user_id = @viewer AND s.post_id = page.post_id) AS saved_by_me
        FROM (
            SELECT p.post_id, p.author_id, p.media_ids, p.caption, p.location_lat, p.location_lng, p.location_name,
                   p.like_count, p.comment_count, p.created_at
            FROM posts p
            WHERE p.status = 'published'
              AND (p.author_id = @viewer OR EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = @viewer AND f.followee_id = p.author_id))
            ORDER BY p.post_id DESC
            LIMIT @limit
        ) page
        JOIN users u ON u.user_id = page.author_id
        LEFT JOIN media avatar ON avatar.media_id = u.avatar_media_id AND avatar.owner_id = u.user_id AND avatar.status = 'ready'
        ORDER BY page.post_id DESC
        """;

    // Prepared after its second use, as any service running one hot query would: the baseline should not pay for planning.
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 4, AutoPrepareMinUsages = 2 });

    public void Map(IEndpointRouteBuilder app) => app.MapGet(Path, GetAsync).RequireAuthorization();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<PostListResponse> GetAsync(HttpContext http, IOptions<MediaOptions> mediaOptions)
    {
        var viewerId = http.User.UserId();
        Uri Url(string key) => MediaFiles.PublicUrl(http.Request, mediaOptions.Value, key);

        await using var command = _dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("viewer", viewerId);
        command.Parameters.AddWithValue("limit", Limit + 1); // one more than the page: is there a next one?
        command.Parameters.AddWithValue("avatar", AvatarUrls.Variant);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        var posts = new List<PostView>(Limit + 1);
        var lastId = 0L;
        while (await reader.ReadAsync(http.RequestAborted))
        {
            lastId = reader.GetInt64(0);
            var authorId = reader.GetInt64(1);
            var caption = reader.GetString(4);
            posts.Add(new PostView(
                PostView.Id(lastId),
                new AuthorView(PostView.Id(authorId), reader.GetString(2), reader.IsDBNull(3) ? null : Url(reader.GetString(3))),
                reader.IsDBNull(11) ? [] : Media(reader.GetString(11), Url),
                caption,
                CaptionParser.Hashtags(caption),
                CaptionParser.Mentions(caption),
                reader.IsDBNull(7) ? null : new LocationBody(reader.GetDouble(5), reader.GetDouble(6), reader.GetString(7)),
                TaggedUsers: [], // seeded posts tag nobody
                reader.GetInt64(8),
                reader.GetInt64(9),
                reader.GetBoolean(12),
                reader.GetBoolean(13),
                PostView.StatusName(PostStatus.Published),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        }

        var more = posts.Count > Limit;
        if (more)
        {
            posts.RemoveAt(Limit);
            lastId = long.Parse(posts[^1].PostId, System.Globalization.CultureInfo.InvariantCulture);
        }

        return new PostListResponse(posts, more ? new PageCursor(lastId, lastId).Encode() : null, more);
    }

    /// <summary>The media array of one row: [id, type, status, width, height, duration, blurhash, {variant: key}, failure] each, null for an item that is gone.</summary>
    private static List<MediaView> Media(string json, Func<string, Uri> url)
    {
        using var document = JsonDocument.Parse(json);
        var views = new List<MediaView>();
        foreach (var item in document.RootElement.EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Null))
        {
            var variants = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var variant in item[7].EnumerateObject())
            {
                variants[variant.Name] = url(variant.Value.GetString()!);
            }

            views.Add(new MediaView(
                item[0].GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                item[1].GetString()!,
                item[2].GetString()!,
                item[3].ValueKind == JsonValueKind.Null ? null : item[3].GetInt32(),
                item[4].ValueKind == JsonValueKind.Null ? null : item[4].GetInt32(),
                item[5].ValueKind == JsonValueKind.Null ? null : item[5].GetDouble(),
                item[6].ValueKind == JsonValueKind.Null ? null : item[6].GetString(),
                variants,
                item[8].ValueKind == JsonValueKind.Null ? null : item[8].GetString()));
        }

        return views;
    }
}
