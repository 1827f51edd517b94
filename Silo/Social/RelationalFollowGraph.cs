using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Instagram.Grains.Paging;
using Instagram.Grains.Users;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Social;

/// <summary>
/// The follow graph in SQL. Each change is one transaction that first locks both users' rows in ID order
/// (PostgreSQL; SQLite has a single writer already), then checks blocks and the target, then changes the
/// edge and both counters — so a follow racing a block between the same users can never leave an edge
/// behind, and counters never drift from the edges they count.
/// </summary>
internal sealed class RelationalFollowGraph(RelationalDatabase database) : IFollowGraph
{
    public Task<FollowState?> FollowAsync(long followerId, long targetId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<FollowState?>(
            async (connection, transaction, ct) =>
            {
                if (await LockPairAsync(connection, transaction, followerId, targetId, ct).ConfigureAwait(false) is not { } targetIsPrivate)
                {
                    return null;
                }

                if (!await ExistsAsync(connection, transaction, "SELECT 1 FROM follows WHERE follower_id = @a AND followee_id = @b", followerId, targetId, ct).ConfigureAwait(false))
                {
                    if (targetIsPrivate)
                    {
                        await ExecuteAsync(connection, transaction,
                            "INSERT INTO follow_requests (requester_id, target_id, created_at) VALUES (@a, @b, @now) ON CONFLICT DO NOTHING",
                            followerId, targetId, ct, now).ConfigureAwait(false);
                        return new FollowState(false, true, await FollowerCountAsync(connection, transaction, targetId, ct).ConfigureAwait(false));
                    }

                    await AddEdgeAsync(connection, transaction, followerId, targetId, now, ct).ConfigureAwait(false);
                }

                return new FollowState(true, false, await FollowerCountAsync(connection, transaction, targetId, ct).ConfigureAwait(false));
            },
            cancellationToken);

    public Task<FollowState?> UnfollowAsync(long followerId, long targetId, CancellationToken cancellationToken) =>
        database.WriteAsync<FollowState?>(
            async (connection, transaction, ct) =>
            {
                if (await LockPairAsync(connection, transaction, followerId, targetId, ct).ConfigureAwait(false) is null)
                {
                    return null;
                }

                await RemoveEdgeAsync(connection, transaction, followerId, targetId, ct).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, "DELETE FROM follow_requests WHERE requester_id = @a AND target_id = @b", followerId, targetId, ct)
                    .ConfigureAwait(false);
                return new FollowState(false, false, await FollowerCountAsync(connection, transaction, targetId, ct).ConfigureAwait(false));
            },
            cancellationToken);

    public Task<bool> ApproveAsync(long targetId, long requesterId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (await LockPairAsync(connection, transaction, requesterId, targetId, ct).ConfigureAwait(false) is null)
                {
                    return false;
                }

                if (await ExecuteAsync(connection, transaction, "DELETE FROM follow_requests WHERE requester_id = @a AND target_id = @b", requesterId, targetId, ct)
                        .ConfigureAwait(false) == 0)
                {
                    return false;
                }

                await AddEdgeAsync(connection, transaction, requesterId, targetId, now, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<bool> DenyAsync(long targetId, long requesterId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
                await ExecuteAsync(connection, transaction, "DELETE FROM follow_requests WHERE requester_id = @a AND target_id = @b", requesterId, targetId, ct)
                    .ConfigureAwait(false) == 1,
            cancellationToken);

    public Task<bool> BlockAsync(long blockerId, long blockedId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // Someone who blocked the blocker does not exist for them: blocking back is as unknown a user as any.
                if (!await LockUsersAsync(connection, transaction, blockerId, blockedId, ct).ConfigureAwait(false)
                    || await ExistsAsync(connection, transaction, "SELECT 1 FROM blocks WHERE blocker_id = @b AND blocked_id = @a", blockerId, blockedId, ct).ConfigureAwait(false))
                {
                    return false;
                }

                await ExecuteAsync(connection, transaction, "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (@a, @b, @now) ON CONFLICT DO NOTHING",
                    blockerId, blockedId, ct, now).ConfigureAwait(false);
                await RemoveEdgeAsync(connection, transaction, blockerId, blockedId, ct).ConfigureAwait(false);
                await RemoveEdgeAsync(connection, transaction, blockedId, blockerId, ct).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction,
                    "DELETE FROM follow_requests WHERE (requester_id = @a AND target_id = @b) OR (requester_id = @b AND target_id = @a)",
                    blockerId, blockedId, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task UnblockAsync(long blockerId, long blockedId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            (connection, transaction, ct) => ExecuteAsync(connection, transaction, "DELETE FROM blocks WHERE blocker_id = @a AND blocked_id = @b", blockerId, blockedId, ct),
            cancellationToken);

    public Task<Relationship?> RelationshipAsync(long viewerId, long ownerId, CancellationToken cancellationToken) =>
        database.ReadAsync<Relationship?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand(
                    """
                    SELECT
                        EXISTS (SELECT 1 FROM follows WHERE follower_id = @a AND followee_id = @b),
                        EXISTS (SELECT 1 FROM follow_requests WHERE requester_id = @a AND target_id = @b),
                        EXISTS (SELECT 1 FROM follows WHERE follower_id = @b AND followee_id = @a),
                        EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = @a AND blocked_id = @b) OR (blocker_id = @b AND blocked_id = @a))
                    """, transaction).With("@a", viewerId).With("@b", ownerId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await reader.ReadAsync(ct).ConfigureAwait(false);
                bool Flag(int column) => Convert.ToBoolean(reader.GetValue(column), CultureInfo.InvariantCulture);
                return Flag(3) ? null : new Relationship(Flag(0), Flag(1), Flag(2));
            },
            cancellationToken);

    public Task<Page<UserSummary>> FollowersAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        PageAsync("follows", "follower_id", "followee_id", userId, after, limit, cancellationToken);

    public Task<Page<UserSummary>> FollowingAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        PageAsync("follows", "followee_id", "follower_id", userId, after, limit, cancellationToken);

    public Task<Page<UserSummary>> FollowRequestsAsync(long userId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        PageAsync("follow_requests", "requester_id", "target_id", userId, after, limit, cancellationToken);

    /// <summary>Users listed in <paramref name="table"/> against <paramref name="userId"/>, newest first, strictly after the cursor.</summary>
    private Task<Page<UserSummary>> PageAsync(string table, string listed, string owner, long userId, PageCursor? after, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                var from = after ?? new PageCursor(long.MaxValue, long.MaxValue);
                await using var select = connection.CreateCommand(
                    $"""
                    SELECT e.{listed}, e.created_at, u.username, u.display_name, u.avatar_media_id
                    FROM {table} e JOIN users u ON u.user_id = e.{listed}
                    WHERE e.{owner} = @user AND (e.created_at < @time OR (e.created_at = @time AND e.{listed} < @id))
                    ORDER BY e.created_at DESC, e.{listed} DESC
                    LIMIT @limit
                    """, transaction)
                    .With("@user", userId).With("@time", from.Time).With("@id", from.Id).With("@limit", limit + 1);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var users = ImmutableArray.CreateBuilder<UserSummary>(limit);
                PageCursor? next = null;
                long lastTime = 0;
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (users.Count == limit)
                    {
                        var last = users[^1];
                        next = new PageCursor(lastTime, last.UserId);
                        break;
                    }

                    lastTime = reader.GetInt64(1);
                    users.Add(new UserSummary(reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
                }

                return new Page<UserSummary>(users.ToImmutable(), next);
            },
            cancellationToken);

    /// <summary>
    /// Locks both rows (ID order: two transactions over the same pair can never deadlock) and checks that
    /// the target exists and neither blocks the other. The target's privacy, or null when the change may not happen.
    /// </summary>
    private async Task<bool?> LockPairAsync(DbConnection connection, DbTransaction? transaction, long actorId, long targetId, CancellationToken ct)
    {
        if (!await LockUsersAsync(connection, transaction, actorId, targetId, ct).ConfigureAwait(false)
            || await ExistsAsync(connection, transaction,
                "SELECT 1 FROM blocks WHERE (blocker_id = @a AND blocked_id = @b) OR (blocker_id = @b AND blocked_id = @a)", actorId, targetId, ct).ConfigureAwait(false))
        {
            return null;
        }

        await using var select = connection.CreateCommand("SELECT is_private FROM users WHERE user_id = @id", transaction).With("@id", targetId);
        return Convert.ToBoolean(await select.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Locks both users' rows; false unless both exist.</summary>
    private async Task<bool> LockUsersAsync(DbConnection connection, DbTransaction? transaction, long a, long b, CancellationToken ct)
    {
        var forUpdate = database.Dialect == "postgres" ? " FOR UPDATE" : string.Empty;
        await using var select = connection.CreateCommand($"SELECT user_id FROM users WHERE user_id IN (@a, @b) ORDER BY user_id{forUpdate}", transaction)
            .With("@a", a).With("@b", b);
        var found = 0;
        await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found++;
        }

        return found == 2;
    }

    private static async Task AddEdgeAsync(DbConnection connection, DbTransaction? transaction, long followerId, long followeeId, DateTimeOffset now, CancellationToken ct)
    {
        if (await ExecuteAsync(connection, transaction, "INSERT INTO follows (follower_id, followee_id, created_at) VALUES (@a, @b, @now) ON CONFLICT DO NOTHING",
                followerId, followeeId, ct, now).ConfigureAwait(false) == 1)
        {
            await AdjustCountersAsync(connection, transaction, followerId, followeeId, +1, ct).ConfigureAwait(false);
        }
    }

    private static async Task RemoveEdgeAsync(DbConnection connection, DbTransaction? transaction, long followerId, long followeeId, CancellationToken ct)
    {
        if (await ExecuteAsync(connection, transaction, "DELETE FROM follows WHERE follower_id = @a AND followee_id = @b", followerId, followeeId, ct)
                .ConfigureAwait(false) == 1)
        {
            await AdjustCountersAsync(connection, transaction, followerId, followeeId, -1, ct).ConfigureAwait(false);
        }
    }

    private static async Task AdjustCountersAsync(DbConnection connection, DbTransaction? transaction, long followerId, long followeeId, int delta, CancellationToken ct)
    {
        await using var following = connection.CreateCommand("UPDATE users SET following_count = following_count + @delta WHERE user_id = @id", transaction)
            .With("@delta", delta).With("@id", followerId);
        await following.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await using var followers = connection.CreateCommand("UPDATE users SET follower_count = follower_count + @delta WHERE user_id = @id", transaction)
            .With("@delta", delta).With("@id", followeeId);
        await followers.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<long> FollowerCountAsync(DbConnection connection, DbTransaction? transaction, long userId, CancellationToken ct)
    {
        await using var select = connection.CreateCommand("SELECT follower_count FROM users WHERE user_id = @id", transaction).With("@id", userId);
        return Convert.ToInt64(await select.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, string sql, long a, long b, CancellationToken ct)
    {
        await using var select = connection.CreateCommand(sql, transaction).With("@a", a).With("@b", b);
        return await select.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null and not DBNull;
    }

    private static async ValueTask<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, long a, long b, CancellationToken ct, DateTimeOffset? now = null)
    {
        await using var command = connection.CreateCommand(sql, transaction).With("@a", a).With("@b", b);
        if (now is { } time)
        {
            command.With("@now", time.ToUnixTimeMilliseconds());
        }

        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
