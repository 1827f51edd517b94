using System.Globalization;
using Instagram.Grains.Users;
using Instagram.Silo.Storage;

namespace Instagram.Silo.Social;

/// <summary>The users table. Uniqueness of usernames and emails is the database's (lower-cased key columns).</summary>
internal sealed class RelationalUserStore(RelationalDatabase database) : IUserStore
{
    public Task<(UserProfile Profile, string PasswordHash)?> FindAsync(long userId, CancellationToken cancellationToken) =>
        database.ReadAsync<(UserProfile, string)?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand(
                    """
                    SELECT username, display_name, bio, avatar_media_id, is_private, post_count, follower_count, following_count, created_at, password_hash
                    FROM users WHERE user_id = @id
                    """, transaction).With("@id", userId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var profile = new UserProfile(
                    userId,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    Convert.ToBoolean(reader.GetValue(4), CultureInfo.InvariantCulture),
                    reader.GetInt64(5),
                    reader.GetInt64(6),
                    reader.GetInt64(7),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));
                return (profile, reader.GetString(9));
            },
            cancellationToken);

    public Task<RegistrationOutcome> InsertAsync(long userId, NewAccount account, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var insert = connection.CreateCommand(
                    """
                    INSERT INTO users (user_id, username, username_key, email_key, password_hash, display_name, bio, created_at)
                    VALUES (@id, @username, @usernameKey, @emailKey, @hash, @displayName, '', @createdAt)
                    ON CONFLICT DO NOTHING
                    """, transaction)
                    .With("@id", userId)
                    .With("@username", account.Username)
                    .With("@usernameKey", account.Username.ToLowerInvariant())
                    .With("@emailKey", account.Email.ToLowerInvariant())
                    .With("@hash", account.PasswordHash)
                    .With("@displayName", account.DisplayName)
                    .With("@createdAt", createdAt.ToUnixTimeMilliseconds());
                if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                {
                    return RegistrationOutcome.Created;
                }

                // Lost to an existing row: say which key it holds.
                await using var which = connection.CreateCommand("SELECT COUNT(*) FROM users WHERE username_key = @usernameKey", transaction)
                    .With("@usernameKey", account.Username.ToLowerInvariant());
                return Convert.ToInt64(await which.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0
                    ? RegistrationOutcome.UsernameTaken
                    : RegistrationOutcome.EmailTaken;
            },
            cancellationToken);

    public Task UpdateProfileAsync(long userId, ProfileChanges changes, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async (connection, transaction, ct) =>
            {
                await using var update = connection.CreateCommand(
                    """
                    UPDATE users SET display_name = COALESCE(@displayName, display_name), bio = COALESCE(@bio, bio),
                        is_private = COALESCE(@isPrivate, is_private), avatar_media_id = COALESCE(@avatar, avatar_media_id)
                    WHERE user_id = @id
                    """, transaction)
                    .With("@id", userId)
                    .With("@displayName", changes.DisplayName)
                    .With("@bio", changes.Bio)
                    .With("@isPrivate", changes.IsPrivate)
                    .With("@avatar", changes.AvatarMediaId);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<(long Followers, long Following, long Posts)> ReadCountersAsync(long userId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand("SELECT follower_count, following_count, post_count FROM users WHERE user_id = @id", transaction)
                    .With("@id", userId);
                await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0L, 0L, 0L);
            },
            cancellationToken);

    public Task<long?> FindIdAsync(string lookupKey, CancellationToken cancellationToken)
    {
        var separator = lookupKey.IndexOf(':', StringComparison.Ordinal);
        var column = lookupKey[..separator] switch
        {
            "username" => "username_key",
            "email" => "email_key",
            _ => throw new ArgumentException($"Unknown lookup key '{lookupKey}'.", nameof(lookupKey)),
        };
        var value = lookupKey[(separator + 1)..];
        return database.ReadAsync<long?>(
            async (connection, transaction, ct) =>
            {
                await using var select = connection.CreateCommand($"SELECT user_id FROM users WHERE {column} = @value", transaction).With("@value", value);
                return await select.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
            },
            cancellationToken);
    }
}
