using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Instagram.Grains.Feed;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Feed;

/// <summary>The feed's queries over the follows, users and posts tables.</summary>
internal sealed class RelationalFeedStore(RelationalDatabase database) : IFeedStore
{
    public Task<long> FollowerCountAsync(long authorId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT follower_count FROM users WHERE user_id = @id", transaction).With("@id", authorId);
                return await select.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } count and not DBNull ? Convert.ToInt64(count, CultureInfo.InvariantCulture) : 0L;
            },
            cancellationToken);

    public Task<ImmutableArray<long>> FollowerIdsAsync(long authorId, long after, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT follower_id FROM follows WHERE followee_id = @id AND follower_id > @after ORDER BY follower_id LIMIT @limit",
            command => command.With("@id", authorId).With("@after", after).With("@limit", limit),
            reader => reader.GetInt64(0),
            cancellationToken);

    public Task<ImmutableArray<FeedEntry>> RecentPostsAsync(long authorId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT post_id, author_id FROM posts WHERE author_id = @id AND status = 'published' ORDER BY post_id DESC LIMIT @limit",
            command => command.With("@id", authorId).With("@limit", limit),
            reader => new FeedEntry(reader.GetInt64(0), reader.GetInt64(1)),
            cancellationToken);

    public Task<ImmutableArray<long>> FollowedCelebritiesAsync(long userId, int threshold, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT u.user_id FROM follows f JOIN users u ON u.user_id = f.followee_id WHERE f.follower_id = @id AND u.follower_count >= @threshold",
            command => command.With("@id", userId).With("@threshold", threshold),
            reader => reader.GetInt64(0),
            cancellationToken);

    public Task<ImmutableArray<FeedEntry>> RecentPostsOfFolloweesAsync(long userId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            """
            SELECT p.post_id, p.author_id FROM follows f JOIN posts p ON p.author_id = f.followee_id
            WHERE f.follower_id = @id AND p.status = 'published'
            ORDER BY p.post_id DESC LIMIT @limit
            """,
            command => command.With("@id", userId).With("@limit", limit),
            reader => new FeedEntry(reader.GetInt64(0), reader.GetInt64(1)),
            cancellationToken);

    private Task<ImmutableArray<T>> ReadAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand(sql, transaction);
                bind(select);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var rows = ImmutableArray.CreateBuilder<T>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows.ToImmutable();
            },
            cancellationToken);
}
