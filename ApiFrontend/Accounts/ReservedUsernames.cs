namespace Instagram.ApiFrontend.Accounts;

/// <summary>
/// Usernames nobody may register: every word a route of ours uses where a username could stand (so
/// <c>GET /users/me</c> is always the caller, never a user called "me"), and words that would pass for the
/// service itself. A test checks that every literal route segment that could be a username is here.
/// </summary>
public static class ReservedUsernames
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Our routes' words.
        "me", "search", "saved", "explore", "tagged", "blocked", "likes", "posts", "followers", "following", "avatar",
        "feed", "stories", "story", "notifications", "conversations", "messages", "hashtags", "media", "uploads",
        "auth", "login", "logout", "register", "refresh", "sessions", "follow", "block", "approve", "deny", "comments",
        "save", "like", "complete", "read", "view", "viewers", "users", "user", "ws",
        "api", "v1", "docs", "openapi", "dashboard", "metrics", "files", "variants", "healthz", "readyz",

        // The service speaking for itself.
        "admin", "administrator", "root", "system", "support", "help", "security", "settings", "account", "accounts",
        "instagram", "official", "staff", "moderator", "about", "privacy", "terms", "www", "mail", "null", "undefined",
    };

    public static bool Contains(string normalizedUsername) => Words.Contains(normalizedUsername);
}
