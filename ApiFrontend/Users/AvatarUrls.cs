using Instagram.ApiFrontend.Media;
using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Orleans;

namespace Instagram.ApiFrontend.Users;

/// <summary>A user's avatar URL, and whether it is final: an avatar still processing gets its URL when it is ready.</summary>
public readonly record struct AvatarUrl(Uri? Url, bool IsFinal);

/// <summary>
/// Where clients fetch a user's avatar: the square thumbnail of the avatar's media item. An avatar still
/// processing (or one that failed) has no URL yet, so a profile never points at a file that does not exist.
/// </summary>
public sealed class AvatarUrls(IGrainFactory grains, IOptions<MediaOptions> options)
{
    public const string Variant = "thumb_150";

    public async Task<Uri?> UrlAsync(long userId, long? avatarMediaId, HttpRequest request) =>
        (await ResolveAsync(userId, avatarMediaId, request)).Url;

    /// <summary>Avatar URLs of several users (each at most once), by user ID.</summary>
    public async Task<IReadOnlyDictionary<long, Uri?>> UrlsAsync(IEnumerable<(long UserId, long? AvatarMediaId)> users, HttpRequest request) =>
        (await ResolveAllAsync(users, request)).ToDictionary(pair => pair.Key, pair => pair.Value.Url);

    /// <summary>Avatars of several users (each at most once), by user ID, with whether each is final.</summary>
    public async Task<IReadOnlyDictionary<long, AvatarUrl>> ResolveAllAsync(IEnumerable<(long UserId, long? AvatarMediaId)> users, HttpRequest request)
    {
        var distinct = users.DistinctBy(u => u.UserId).ToList();
        var avatars = await Task.WhenAll(distinct.Select(u => ResolveAsync(u.UserId, u.AvatarMediaId, request)));
        return distinct.Select((u, i) => (u.UserId, Avatar: avatars[i])).ToDictionary(u => u.UserId, u => u.Avatar);
    }

    private async Task<AvatarUrl> ResolveAsync(long userId, long? avatarMediaId, HttpRequest request)
    {
        if (avatarMediaId is not { } mediaId)
        {
            return new AvatarUrl(null, IsFinal: true);
        }

        var media = (await grains.GetGrain<IMediaGrain>(mediaId).GetAsync(userId)).Media;
        if (media is not { Status: MediaStatus.Ready })
        {
            return new AvatarUrl(null, IsFinal: media is null or { Status: MediaStatus.Failed });
        }

        var thumbnail = media.Variants.FirstOrDefault(v => v.Name == Variant);
        return new AvatarUrl(thumbnail is null ? null : MediaFiles.PublicUrl(request, options.Value, thumbnail.Key), IsFinal: true);
    }
}
