using System.Globalization;
using Instagram.Grains.Paging;
using Instagram.Grains.Users;

namespace Instagram.ApiFrontend.Users;

/// <summary>A profile as the API shows it to one viewer.</summary>
public sealed record ProfileResponse(
    string UserId,
    string Username,
    string DisplayName,
    string Bio,
    Uri? AvatarUrl,
    bool IsPrivate,
    long PostCount,
    long FollowerCount,
    long FollowingCount,
    bool IsFollowing,
    bool FollowRequested,
    bool FollowsYou)
{
    public static ProfileResponse From(ProfileView view, Uri? avatarUrl) => new(
        view.Profile.UserId.ToString(CultureInfo.InvariantCulture),
        view.Profile.Username,
        view.Profile.DisplayName,
        view.Profile.Bio,
        avatarUrl,
        view.Profile.IsPrivate,
        view.Profile.PostCount,
        view.Profile.FollowerCount,
        view.Profile.FollowingCount,
        view.Relationship.IsFollowing,
        view.Relationship.FollowRequested,
        view.Relationship.FollowsYou);
}

public sealed record ProfileChangesRequest(string? DisplayName, string? Bio, bool? IsPrivate);

public sealed record FollowResponse(bool Following, bool Requested, long FollowerCount)
{
    public static FollowResponse From(FollowState state) => new(state.Following, state.Requested, state.FollowerCount);
}

public sealed record UserListItem(string UserId, string Username, string DisplayName, Uri? AvatarUrl);

/// <summary>A page of users: <c>{users, next_cursor, has_more}</c>.</summary>
public sealed record UserListResponse(IReadOnlyList<UserListItem> Users, string? NextCursor, bool HasMore)
{
    public static async Task<UserListResponse> FromAsync(Page<UserSummary> page, AvatarUrls avatars, HttpRequest request)
    {
        var urls = await avatars.UrlsAsync(page.Items.Select(u => (u.UserId, u.AvatarMediaId)), request);
        return new(
            [.. page.Items.Select(u => new UserListItem(u.UserId.ToString(CultureInfo.InvariantCulture), u.Username, u.DisplayName, urls[u.UserId]))],
            page.Next?.Encode(),
            page.Next is not null);
    }
}
