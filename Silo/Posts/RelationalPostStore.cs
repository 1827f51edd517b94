using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Instagram.Grains.Feed;
using Instagram.Grains.Paging;
using Instagram.Grains.Posts;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Posts;

/// <summary>
/// Posts, hashtags, likes, comments and saves in SQL. Publication marks the post's fan-out pending in the
/// same statement that publishes it, so a published post always reaches feeds (see <see cref="PostGrain"/>).
/// </summary>
internal sealed class RelationalPostStore(RelationalDatabase database) : IPostStore
{
    public Task<StoredPost?> FindAsync(long postId, CancellationToken cancellationToken) =>
        database.ReadAsync<StoredPost?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand(
                    """
                    SELECT author_id, media_ids, caption, location_lat, location_lng, location_name, tagged_user_ids, status, created_at,
                        (SELECT COUNT(*) FROM likes l WHERE l.post_id = p.post_id),
                        (SELECT COUNT(*) FROM comments c WHERE c.post_id = p.post_id),
                        fanout_pending
                    FROM posts p WHERE post_id = @id
                    """, transaction).With("@id", postId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var caption = reader.GetString(2);
                var location = reader.IsDBNull(5) ? null : new PostLocation(reader.GetDouble(3), reader.GetDouble(4), reader.GetString(5));
                var post = new PostInfo(
                    postId,
                    reader.GetInt64(0),
                    JsonSerializer.Deserialize<ImmutableArray<long>>(reader.GetString(1)),
                    caption,
                    CaptionParser.Hashtags(caption),
                    CaptionParser.Mentions(caption),
                    location,
                    JsonSerializer.Deserialize<ImmutableArray<long>>(reader.GetString(6)),
                    ParseStatus(reader.GetString(7)),
                    reader.GetInt64(9),
                    reader.GetInt64(10),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));
                return new StoredPost(post, reader.GetBoolean(11));
            },
            cancellationToken);

    public Task<bool> InsertAsync(PostInfo post, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var insert = connection.CreateCommand(
                    """
                    INSERT INTO posts (post_id, author_id, media_ids, caption, location_lat, location_lng, location_name, tagged_user_ids, status, created_at)
                    VALUES (@id, @author, @media, @caption, @lat, @lng, @place, @tagged, @status, @createdAt)
                    ON CONFLICT DO NOTHING
                    """, transaction)
                    .With("@id", post.PostId)
                    .With("@author", post.AuthorId)
                    .With("@media", JsonSerializer.Serialize(post.MediaIds))
                    .With("@caption", post.Caption)
                    .With("@lat", post.Location?.Latitude)
                    .With("@lng", post.Location?.Longitude)
                    .With("@place", post.Location?.Name)
                    .With("@tagged", JsonSerializer.Serialize(post.TaggedUserIds))
                    .With("@status", NameOf(post.Status))
                    .With("@createdAt", post.CreatedAt.ToUnixTimeMilliseconds());
                if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
                {
                    return false;
                }

                foreach (var tag in post.Hashtags)
                {
                    await using var hashtag = connection.CreateCommand("INSERT INTO post_hashtags (tag, post_id) VALUES (@tag, @id)", transaction)
                        .With("@tag", tag).With("@id", post.PostId);
                    await hashtag.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                foreach (var username in post.Mentions)
                {
                    await using var mention = connection.CreateCommand("INSERT INTO post_mentions (post_id, username) VALUES (@id, @username)", transaction)
                        .With("@id", post.PostId).With("@username", username);
                    await mention.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    public Task<bool> SettleAsync(PostInfo post, PostStatus status, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var update = connection.CreateCommand(
                    "UPDATE posts SET status = @status, fanout_pending = @published WHERE post_id = @id AND status = @processing", transaction)
                    .With("@status", NameOf(status)).With("@published", status == PostStatus.Published).With("@id", post.PostId)
                    .With("@processing", NameOf(PostStatus.Processing));
                if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }

                if (status == PostStatus.Published)
                {
                    await AdjustPostCountAsync(connection, transaction, post.AuthorId, +1, ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    public Task MarkFanoutHandedOverAsync(long postId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var update = connection.CreateCommand("UPDATE posts SET fanout_pending = @false WHERE post_id = @id", transaction)
                    .With("@false", false).With("@id", postId);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Posts still processing, or published with their fan-out not yet handed over: work a crash may have left.</summary>
    public Task<IReadOnlyList<long>> UnsettledAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<long>>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT post_id FROM posts WHERE status = @processing OR fanout_pending", transaction)
                    .With("@processing", NameOf(PostStatus.Processing));
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var ids = new List<long>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt64(0));
                }

                return ids;
            },
            cancellationToken);

    public Task DeleteAsync(PostInfo post, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                foreach (var table in new[] { "post_hashtags", "post_mentions", "likes", "comments", "saves" })
                {
                    await using var delete = connection.CreateCommand($"DELETE FROM {table} WHERE post_id = @id", transaction).With("@id", post.PostId);
                    await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var deletePost = connection.CreateCommand("DELETE FROM posts WHERE post_id = @id RETURNING status", transaction).With("@id", post.PostId);
                if (await deletePost.ExecuteScalarAsync(ct).ConfigureAwait(false) is string status && ParseStatus(status) == PostStatus.Published)
                {
                    await AdjustPostCountAsync(connection, transaction, post.AuthorId, -1, ct).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken);

    public async Task<bool> AddLikeAsync(long postId, long userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO likes (post_id, user_id, created_at) VALUES (@post, @user, @now) ON CONFLICT DO NOTHING", postId, userId, now, cancellationToken)
            .ConfigureAwait(false) == 1;

    public async Task<bool> RemoveLikeAsync(long postId, long userId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM likes WHERE post_id = @post AND user_id = @user", postId, userId, null, cancellationToken).ConfigureAwait(false) == 1;

    public Task WriteCountersAsync(long postId, long likes, long comments, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var update = connection.CreateCommand("UPDATE posts SET like_count = @likes, comment_count = @comments WHERE post_id = @id", transaction)
                    .With("@likes", likes).With("@comments", comments).With("@id", postId);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task AddCommentAsync(CommentInfo comment, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var insert = connection.CreateCommand(
                    "INSERT INTO comments (comment_id, post_id, author_id, text, created_at) VALUES (@id, @post, @author, @text, @createdAt)", transaction)
                    .With("@id", comment.CommentId).With("@post", comment.PostId).With("@author", comment.AuthorId).With("@text", comment.Text)
                    .With("@createdAt", comment.CreatedAt.ToUnixTimeMilliseconds());
                return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<CommentInfo?> FindCommentAsync(long postId, long commentId, CancellationToken cancellationToken) =>
        database.ReadAsync<CommentInfo?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT author_id, text, created_at FROM comments WHERE comment_id = @id AND post_id = @post", transaction)
                    .With("@id", commentId).With("@post", postId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false)
                    ? new CommentInfo(commentId, postId, reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
                    : null;
            },
            cancellationToken);

    public Task<bool> DeleteCommentAsync(long postId, long commentId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var delete = connection.CreateCommand("DELETE FROM comments WHERE post_id = @post AND comment_id = @comment", transaction)
                    .With("@post", postId).With("@comment", commentId);
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<Page<CommentInfo>> CommentsAsync(long postId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        PageAsync(
            "SELECT comment_id, created_at, author_id, text FROM comments WHERE post_id = @owner AND (created_at < @time OR (created_at = @time AND comment_id < @id)) ORDER BY created_at DESC, comment_id DESC LIMIT @limit",
            postId,
            after,
            limit,
            reader => new CommentInfo(reader.GetInt64(0), postId, reader.GetInt64(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
            comment => new PageCursor(comment.CreatedAt.ToUnixTimeMilliseconds(), comment.CommentId),
            cancellationToken);

    public Task SetSavedAsync(long postId, long userId, bool saved, DateTimeOffset now, CancellationToken cancellationToken) =>
        saved
            ? ExecuteAsync("INSERT INTO saves (post_id, user_id, created_at) VALUES (@post, @user, @now) ON CONFLICT DO NOTHING", postId, userId, now, cancellationToken)
            : ExecuteAsync("DELETE FROM saves WHERE post_id = @post AND user_id = @user", postId, userId, null, cancellationToken);

    public Task<IReadOnlyDictionary<long, PostMarks>> MarksAsync(long userId, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken) =>
        postIds.Count == 0 ? Task.FromResult<IReadOnlyDictionary<long, PostMarks>>(new Dictionary<long, PostMarks>()) : database.ReadAsync<IReadOnlyDictionary<long, PostMarks>>(
            async (connection, transaction, ct) =>
            {
                // The IDs are numbers we hold, not client text: written into the statement, one query serves any page size.
                var list = string.Join(",", postIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                await using var select = connection.CreateCommand(
                    $"""
                    SELECT post_id, 1 FROM likes WHERE user_id = @user AND post_id IN ({list})
                    UNION ALL
                    SELECT post_id, 2 FROM saves WHERE user_id = @user AND post_id IN ({list})
                    """, transaction).With("@user", userId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var marks = new Dictionary<long, PostMarks>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var postId = reader.GetInt64(0);
                    var current = marks.GetValueOrDefault(postId);
                    marks[postId] = reader.GetInt32(1) == 1 ? current with { Liked = true } : current with { Saved = true };
                }

                return marks;
            },
            cancellationToken);

    public async Task<Page<long>> SavedByAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken)
    {
        var saved = await PageAsync(
            "SELECT post_id, created_at FROM saves WHERE user_id = @owner AND (created_at < @time OR (created_at = @time AND post_id < @id)) ORDER BY created_at DESC, post_id DESC LIMIT @limit",
            userId,
            after,
            limit,
            reader => (PostId: reader.GetInt64(0), SavedAt: reader.GetInt64(1)),
            save => new PageCursor(save.SavedAt, save.PostId),
            cancellationToken).ConfigureAwait(false);
        return new Page<long>([.. saved.Items.Select(s => s.PostId)], saved.Next);
    }

    public Task<Page<long>> PublishedByAsync(long authorId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        PageAsync(
            "SELECT post_id, post_id FROM posts WHERE author_id = @owner AND status = 'published' AND (post_id < @time OR (post_id = @time AND post_id < @id)) ORDER BY post_id DESC LIMIT @limit",
            authorId,
            after,
            limit,
            reader => reader.GetInt64(0),
            postId => new PageCursor(postId, postId),
            cancellationToken);

    /// <summary>A page of rows after <paramref name="after"/> (the query orders and filters by <c>@time</c>, <c>@id</c>), with the cursor of its last row.</summary>
    private Task<Page<T>> PageAsync<T>(string sql, long owner, PageCursor? after, int limit, Func<DbDataReader, T> read, Func<T, PageCursor> cursorOf, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                var from = after ?? new PageCursor(long.MaxValue, long.MaxValue);
                await using var select = connection.CreateCommand(sql, transaction)
                    .With("@owner", owner).With("@time", from.Time).With("@id", from.Id).With("@limit", limit + 1);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var items = ImmutableArray.CreateBuilder<T>(limit + 1);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    items.Add(read(reader));
                }

                var more = items.Count > limit;
                if (more)
                {
                    items.RemoveAt(limit);
                }

                return new Page<T>(items.ToImmutable(), more ? cursorOf(items[^1]) : null);
            },
            cancellationToken);

    private static async Task AdjustPostCountAsync(DbConnection connection, DbTransaction? transaction, long authorId, int delta, CancellationToken ct)
    {
        await using var update = connection.CreateCommand("UPDATE users SET post_count = post_count + @delta WHERE user_id = @id", transaction)
            .With("@delta", delta).With("@id", authorId);
        await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private Task<int> ExecuteAsync(string sql, long postId, long userId, DateTimeOffset? now, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand(sql, transaction).With("@post", postId).With("@user", userId);
                if (now is { } time)
                {
                    command.With("@now", time.ToUnixTimeMilliseconds());
                }

                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static string NameOf(PostStatus status) => status switch
    {
        PostStatus.Processing => "processing",
        PostStatus.Published => "published",
        PostStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static PostStatus ParseStatus(string name) => name switch
    {
        "processing" => PostStatus.Processing,
        "published" => PostStatus.Published,
        "failed" => PostStatus.Failed,
        _ => throw new FormatException($"Unknown post status '{name}'."),
    };
}
