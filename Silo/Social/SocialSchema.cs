using Instagram.Silo.Storage;

namespace Instagram.Silo.Social;

/// <summary>
/// Users and the follow graph. Counters live on the user rows and change in the same transaction as the
/// edges they count. Lists are read by (created_at, id) descending, which the indexes serve directly.
/// </summary>
internal static class SocialSchema
{
    public const string Component = "social";

    public static IReadOnlyList<SchemaMigration> For(string dialect)
    {
        var (boolean, falseValue) = dialect == "postgres" ? ("BOOLEAN", "FALSE") : ("INTEGER", "0");
        return
        [
            new(1, "users and follow graph", $"""
                CREATE TABLE users (
                    user_id         BIGINT  PRIMARY KEY,
                    username        TEXT    NOT NULL,
                    username_key    TEXT    NOT NULL UNIQUE,
                    email_key       TEXT    NOT NULL UNIQUE,
                    password_hash   TEXT    NOT NULL,
                    display_name    TEXT    NOT NULL,
                    bio             TEXT    NOT NULL,
                    avatar_media_id BIGINT,
                    is_private      {boolean} NOT NULL DEFAULT {falseValue},
                    follower_count  BIGINT  NOT NULL DEFAULT 0,
                    following_count BIGINT  NOT NULL DEFAULT 0,
                    post_count      BIGINT  NOT NULL DEFAULT 0,
                    created_at      BIGINT  NOT NULL
                );

                CREATE TABLE follows (
                    follower_id BIGINT NOT NULL,
                    followee_id BIGINT NOT NULL,
                    created_at  BIGINT NOT NULL,
                    PRIMARY KEY (follower_id, followee_id)
                );
                CREATE INDEX follows_by_followee ON follows (followee_id, created_at, follower_id);
                CREATE INDEX follows_by_follower ON follows (follower_id, created_at, followee_id);

                CREATE TABLE follow_requests (
                    requester_id BIGINT NOT NULL,
                    target_id    BIGINT NOT NULL,
                    created_at   BIGINT NOT NULL,
                    PRIMARY KEY (requester_id, target_id)
                );
                CREATE INDEX follow_requests_by_target ON follow_requests (target_id, created_at, requester_id);

                CREATE TABLE blocks (
                    blocker_id BIGINT NOT NULL,
                    blocked_id BIGINT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (blocker_id, blocked_id)
                );
                """),
        ];
    }
}
