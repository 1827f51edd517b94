using System.Globalization;
using System.Text.Json;
using Instagram.Grains.Posts;
using Instagram.Silo.Storage;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// Seed rows written into the product's own tables (Silo/Social, Silo/Posts, Silo/Media/Catalog schemas),
/// shaped as the app's stores write them, so its grains read them as their own. Run after the app started
/// (the schema is migrated then) and before any grain of these users or posts is activated.
/// </summary>
internal sealed class ProductTables(RelationalDatabase database)
{
    /// <summary>Variants as RelationalMediaCatalog serializes them (web defaults: camelCase).</summary>
    private static readonly JsonSerializerOptions VariantJson = new(JsonSerializerDefaults.Web);

    private readonly BatchedInserts _inserts = new(database);

    public Task<long> UsersAsync(IEnumerable<SeedUser> users) =>
        _inserts.InsertAsync(
            "users",
            "user_id, username, username_key, email_key, password_hash, display_name, bio, avatar_media_id, is_private, follower_count, following_count, post_count, created_at",
            users.Select(u => new object?[]
            {
                u.UserId, u.Username, u.Username.ToLowerInvariant(), u.Username.ToLowerInvariant() + "@example.com",
                "seeded:no-password", // nobody logs in as a seeded user: requests carry minted tokens
                u.DisplayName, string.Empty, u.AvatarMediaId, false, u.FollowerCount, u.FollowingCount, u.PostCount, u.CreatedAt,
            }));

    public Task<long> FollowsAsync(IEnumerable<SeedFollow> follows) =>
        _inserts.InsertAsync(
            "follows",
            "follower_id, followee_id, created_at",
            follows.Select(f => new object?[] { f.FollowerId, f.FolloweeId, f.CreatedAt }));

    public Task<long> MediaAsync(IEnumerable<SeedMedia> media) =>
        _inserts.InsertAsync(
            "media",
            "media_id, owner_id, media_type, status, content_type, size_bytes, upload_key, original_key, width, height, " +
            "duration_seconds, blurhash, variants, failure, created_at, updated_at, version",
            media.Select(m => new object?[]
            {
                m.MediaId, m.OwnerId, "image", "ready", "image/jpeg", m.SizeBytes, m.UploadKey, m.OriginalKey, m.Width, m.Height,
                null, m.Blurhash, JsonSerializer.Serialize(m.Variants, VariantJson), null, m.CreatedAt, m.CreatedAt.AddSeconds(2),
                2L, // the media grain's version after two saves: uploaded (processing), then ready
            }));

    /// <summary>Posts with their hashtag and mention rows.</summary>
    public async Task<long> PostsAsync(IReadOnlyCollection<SeedPost> posts)
    {
        var count = await _inserts.InsertAsync(
            "posts",
            "post_id, author_id, media_ids, caption, location_lat, location_lng, location_name, tagged_user_ids, status, like_count, comment_count, created_at",
            posts.Select(p => new object?[]
            {
                p.PostId, p.AuthorId, JsonSerializer.Serialize(p.MediaIds), p.Caption,
                p.Location?.Latitude, p.Location?.Longitude, p.Location?.Name, "[]", "published", p.LikeCount, 0L, p.CreatedAt,
            }));
        await _inserts.InsertAsync(
            "post_hashtags",
            "tag, post_id",
            posts.SelectMany(p => CaptionParser.Hashtags(p.Caption).Select(tag => new object?[] { tag, p.PostId })));
        await _inserts.InsertAsync(
            "post_mentions",
            "post_id, username",
            posts.SelectMany(p => CaptionParser.Mentions(p.Caption).Select(name => new object?[] { p.PostId, name })));
        return count;
    }

    public Task<long> LikesAsync(IEnumerable<SeedMark> likes) =>
        _inserts.InsertAsync("likes", "post_id, user_id, created_at", likes.Select(l => new object?[] { l.PostId, l.UserId, l.CreatedAt }));

    public Task<long> SavesAsync(IEnumerable<SeedMark> saves) =>
        _inserts.InsertAsync("saves", "user_id, post_id, created_at", saves.Select(s => new object?[] { s.UserId, s.PostId, s.CreatedAt }));

    /// <summary>
    /// Gives PostgreSQL's planner statistics of the seeded tables now, as autovacuum would soon after a bulk
    /// load: without them it plans the pull query for empty tables. SQLite has no such daemon (the app never
    /// runs ANALYZE), so it is left as the app would find it.
    /// </summary>
    public Task AnalyzeAsync() =>
        database.Dialect != "postgres" ? Task.CompletedTask : database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var analyze = connection.CreateCommand("ANALYZE", transaction);
                return await analyze.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            CancellationToken.None);

    /// <summary>Rows of <paramref name="table"/> matching <paramref name="where"/> (a fixed condition of this program's).</summary>
    public Task<long> CountAsync(string table, string where) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var count = connection.CreateCommand($"SELECT COUNT(*) FROM {table} WHERE {where}", transaction);
                return Convert.ToInt64(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            CancellationToken.None);
}
