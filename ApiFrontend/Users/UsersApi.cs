using Instagram.ApiFrontend.Accounts;
using Instagram.ApiFrontend.Hosting;
using Instagram.ApiFrontend.Media;
using Instagram.ApiFrontend.RateLimits;
using Instagram.Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Instagram.ApiFrontend.Users;

/// <summary>Profiles under /api/v1/users: read one by username, edit one's own, change one's avatar.</summary>
public static class UsersApi
{
    private const string Tag = "Users";

    public static IServiceCollection AddUsersApi(this IServiceCollection services) => services.AddSingleton<AvatarUrls>();

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags(Tag).RequireAuthorization();
        users.MapGet("/me", GetOwnProfileAsync).WithName("GetOwnProfile").WithSummary("The caller's own profile.");
        users.MapGet("/{username}", GetProfileAsync).WithName("GetProfile").WithSummary("A profile with counts and how the caller relates to it.");
        users.MapPatch("/me", UpdateProfileAsync).RequireRateLimit(RateLimitAction.Write).WithName("UpdateProfile").WithSummary("Change the caller's display name, bio or privacy.");
        users.MapPut("/me/avatar", SetAvatarAsync).RequireRateLimit(RateLimitAction.Write).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery()
            .WithName("SetAvatar").WithSummary("Upload a new avatar image (multipart field 'file'); profiles show it once it is processed.");
        return app;
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfileAsync(HttpContext http, string username, IGrainFactory grains, AvatarUrls avatars)
    {
        var normalized = AccountRules.NormalizeUsername(username);
        if (!AccountRules.IsValidUsername(normalized)
            || await grains.GetGrain<IUserLookupGrain>(IUserLookupGrain.UsernameKey(normalized)).FindAsync() is not { } userId
            || await grains.GetGrain<IUserGrain>(userId).GetProfileForAsync(http.User.UserId()) is not { } view)
        {
            return ApiProblem.NotFound("No such user.");
        }

        return TypedResults.Ok(ProfileResponse.From(view, await avatars.UrlAsync(userId, view.Profile.AvatarMediaId, http.Request)));
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetOwnProfileAsync(HttpContext http, IGrainFactory grains, AvatarUrls avatars)
    {
        var userId = http.User.UserId();
        return await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is { } profile
            ? TypedResults.Ok(ProfileResponse.From(new ProfileView(profile, Relationship.None), await avatars.UrlAsync(userId, profile.AvatarMediaId, http.Request)))
            : ApiProblem.NotFound("The account of this token no longer exists.");
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> UpdateProfileAsync(
        HttpContext http,
        [FromBody] ProfileChangesRequest changes,
        IGrainFactory grains,
        AvatarUrls avatars)
    {
        var displayName = changes.DisplayName is { } name ? TextRules.WithoutInvisibles(name).Trim() : null;
        var bio = changes.Bio is { } text ? TextRules.WithoutInvisibles(text) : null;
        if (displayName is not null && (displayName.Length is 0 or > AccountRules.MaxDisplayNameLength || !TextRules.IsSingleLine(displayName)))
        {
            return ApiProblem.Invalid($"display_name must be 1–{AccountRules.MaxDisplayNameLength} characters, without control characters.");
        }

        if (bio is not null && (bio.Length > AccountRules.MaxBioLength || !TextRules.IsMultiLine(bio)))
        {
            return ApiProblem.Invalid($"bio must be at most {AccountRules.MaxBioLength} characters, without control characters other than line breaks.");
        }

        var userId = http.User.UserId();
        var profile = await grains.GetGrain<IUserGrain>(userId).UpdateProfileAsync(new ProfileChanges(displayName, bio, changes.IsPrivate));
        return profile is null
            ? ApiProblem.NotFound("The account of this token no longer exists.")
            : TypedResults.Ok(ProfileResponse.From(new ProfileView(profile, Relationship.None), await avatars.UrlAsync(userId, profile.AvatarMediaId, http.Request)));
    }

    /// <summary>The image goes through the media pipeline like any upload; the profile points at it from now on.</summary>
    private static Task<Results<Accepted<MediaAccepted>, ProblemHttpResult>> SetAvatarAsync(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken) =>
        MediaApi.ReceiveMultipartAsync(
            http,
            imagesOnly: true,
            accepted: media => grains.GetGrain<IUserGrain>(http.User.UserId()).UpdateProfileAsync(new ProfileChanges(null, null, null, media.MediaId)),
            cancellationToken);
}
