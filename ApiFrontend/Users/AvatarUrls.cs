using Instagram.ApiFrontend.Media;
using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Microsoft.Extensions.Options;
using Runtime;

namespace Instagram.ApiFrontend.Users;

/// <summary>
/// Where clients fetch a user's avatar: the square thumbnail of the avatar's media item. An avatar still
/// processing (or one that failed) has no URL yet, so a profile never points at a file that does not exist.
/// </summary>
public sealed class AvatarUrls(IGrainFactory grains, IOptions<MediaOptions> options)
{
    public const string Variant = "thumb_150";

    public async Task<Uri?> UrlAsync(long userId, long? avatarMediaId, HttpRequest request)
    {
        if (avatarMediaId is not { } mediaId)
        {
            return null;
        }

        var result = await grains.GetGrain<IMediaGrain>(mediaId).GetAsync(userId);
        return result.Media is { Status: MediaStatus.Ready } media && media.Variants.FirstOrDefault(v => v.Name == Variant) is { } thumbnail
            ? MediaFiles.PublicUrl(request, options.Value, thumbnail.Key)
            : null;
    }

    /// <summary>Avatar URLs of several users (each at most once), by user ID.</summary>
    public async Task<IReadOnlyDictionary<long, Uri?>> UrlsAsync(IEnumerable<(long UserId, long? AvatarMediaId)> users, HttpRequest request)
    {
        var distinct = users.DistinctBy(u => u.UserId).ToList();
        var urls = await Task.WhenAll(distinct.Select(u => UrlAsync(u.UserId, u.AvatarMediaId, request)));
        return distinct.Select((u, i) => (u.UserId, Url: urls[i])).ToDictionary(u => u.UserId, u => u.Url);
    }
}
