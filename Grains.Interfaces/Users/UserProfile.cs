namespace Instagram.Grains.Users;

/// <summary>A user's public profile and counters, as the user's grain holds them.</summary>
[GenerateSerializer, Immutable, Alias("ig.UserProfile")]
public sealed record UserProfile(
    long UserId,
    string Username,
    string DisplayName,
    string Bio,
    long? AvatarMediaId,
    bool IsPrivate,
    long PostCount,
    long FollowerCount,
    long FollowingCount,
    DateTimeOffset CreatedAt);

/// <summary>How the viewer and the profile's owner relate.</summary>
/// <param name="IsFollowing">The viewer follows the owner.</param>
/// <param name="FollowRequested">The viewer asked to follow the (private) owner and waits for approval.</param>
/// <param name="FollowsYou">The owner follows the viewer.</param>
[GenerateSerializer, Immutable, Alias("ig.Relationship")]
public sealed record Relationship(bool IsFollowing, bool FollowRequested, bool FollowsYou)
{
    public static Relationship None { get; } = new(false, false, false);
}

/// <summary>A profile as one viewer may see it.</summary>
[GenerateSerializer, Immutable, Alias("ig.ProfileView")]
public sealed record ProfileView(UserProfile Profile, Relationship Relationship);

/// <summary>A new account. The password arrives already hashed: the slow KDF runs in the frontend, not in a grain turn.</summary>
[GenerateSerializer, Immutable, Alias("ig.NewAccount")]
public sealed record NewAccount(string Username, string Email, string PasswordHash, string DisplayName);

[GenerateSerializer, Alias("ig.RegistrationOutcome")]
public enum RegistrationOutcome
{
    Created,
    UsernameTaken,
    EmailTaken,
}

/// <summary>Fields a user may change; null leaves a field as it is. The avatar is a media item the user uploaded.</summary>
[GenerateSerializer, Immutable, Alias("ig.ProfileChanges")]
public sealed record ProfileChanges(string? DisplayName, string? Bio, bool? IsPrivate, long? AvatarMediaId = null);

/// <summary>The viewer's relationship to a user after a follow request, and the user's follower count.</summary>
[GenerateSerializer, Immutable, Alias("ig.FollowState")]
public sealed record FollowState(bool Following, bool Requested, long FollowerCount);

/// <summary>The outcome of a graph change asked by one user about another.</summary>
[GenerateSerializer, Alias("ig.GraphOutcome")]
public enum GraphOutcome
{
    Done,

    /// <summary>No such user, or one the requester may not see (blocked): indistinguishable on purpose.</summary>
    NotFound,

    /// <summary>Not allowed (following oneself, say).</summary>
    Invalid,
}

/// <summary>A graph change's outcome and, when done, the resulting state.</summary>
[GenerateSerializer, Immutable, Alias("ig.FollowResult")]
public sealed record FollowResult(GraphOutcome Outcome, FollowState? State)
{
    public static FollowResult NotFound { get; } = new(GraphOutcome.NotFound, null);

    public static FollowResult Invalid { get; } = new(GraphOutcome.Invalid, null);
}
