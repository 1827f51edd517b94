using Instagram.Silo.Storage;

namespace Instagram.Silo.Posts;

/// <summary>
/// Posts and what hangs off them. Likes, comments and saves are one row each: the truth their counters
/// are recounted from when a post grain activates. Times are Unix milliseconds; media IDs and tagged users
/// are JSON arrays (always read with their post, never queried apart).
/// </summary>
internal static class PostsSchema
{
    public const string Component = "posts";

    public static IReadOnlyList<SchemaMigration> For(string dialect)
    {
        var real = dialect == "postgres" ? "DOUBLE PRECISION" : "REAL";
        var (boolean, @false) = dialect == "postgres" ? ("BOOLEAN", "FALSE") : ("INTEGER", "0");
        return
        [
            new(1, "posts, hashtags, likes, comments, saves", $"""
                CREATE TABLE posts (
                    post_id          BIGINT PRIMARY KEY,
                    author_id        BIGINT NOT NULL,
                    media_ids        TEXT   NOT NULL,
                    caption          TEXT   NOT NULL,
                    location_lat     {real},
                    location_lng     {real},
                    location_name    TEXT,
                    tagged_user_ids  TEXT   NOT NULL,
                    status           TEXT   NOT NULL,
                    like_count       BIGINT NOT NULL DEFAULT 0,
                    comment_count    BIGINT NOT NULL DEFAULT 0,
                    created_at       BIGINT NOT NULL
                );
                CREATE INDEX posts_by_author ON posts (author_id, status, post_id);

                CREATE TABLE post_hashtags (
                    tag     TEXT   NOT NULL,
                    post_id BIGINT NOT NULL,
                    PRIMARY KEY (tag, post_id)
                );
                CREATE INDEX post_hashtags_by_post ON post_hashtags (post_id);

                CREATE TABLE post_mentions (
                    post_id  BIGINT NOT NULL,
                    username TEXT   NOT NULL,
                    PRIMARY KEY (post_id, username)
                );

                CREATE TABLE likes (
                    post_id    BIGINT NOT NULL,
                    user_id    BIGINT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (post_id, user_id)
                );
                CREATE INDEX likes_by_user ON likes (user_id, post_id);

                CREATE TABLE comments (
                    comment_id BIGINT PRIMARY KEY,
                    post_id    BIGINT NOT NULL,
                    author_id  BIGINT NOT NULL,
                    text       TEXT   NOT NULL,
                    created_at BIGINT NOT NULL
                );
                CREATE INDEX comments_by_post ON comments (post_id, created_at, comment_id);

                CREATE TABLE saves (
                    user_id    BIGINT NOT NULL,
                    post_id    BIGINT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (user_id, post_id)
                );
                CREATE INDEX saves_by_user ON saves (user_id, created_at, post_id);
                CREATE INDEX saves_by_post ON saves (post_id);
                """),
            new(2, "posts whose fan-out is still to be handed over", $"""
                -- Set with the status change to published, cleared once the author's fan-out grain has queued the post.
                ALTER TABLE posts ADD COLUMN fanout_pending {boolean} NOT NULL DEFAULT {@false};
                CREATE INDEX posts_unsettled ON posts (post_id) WHERE status = 'processing' OR fanout_pending;
                """),
        ];
    }
}
