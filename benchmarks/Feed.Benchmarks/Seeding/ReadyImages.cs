using System.Collections.Immutable;
using Instagram.Grains.Media;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Imaging;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// Media rows as the pipeline leaves a processed photo: status ready, the original's content-addressed key,
/// and the four WebP variants under the stem MediaBlobKeys derives, sized by the specs' rules (thumbnail a
/// square, the others scaled to their width, never enlarged). No files exist behind the keys: the feed only
/// hands out their URLs.
/// </summary>
internal sealed class ReadyImages(Random random)
{
    // Phone photos: portrait 4:5, square, landscape 3:2.
    private static readonly (int Width, int Height)[] Shapes = [(1440, 1800), (1440, 1440), (2048, 1365)];

    private static readonly string[] Blurhashes =
        ["LEHV6nWB2yk8pyo0adR*.7kCMdnj", "LKO2?U%2Tw=w]~RBVZRi};RPxuwH", "L6PZfSi_.AyE_3t7t7R**0o#DgR4", "LGF5]+Yk^6#M@-5c,1J5@[or[Q6."];

    public SeedMedia Create(long mediaId, long ownerId, DateTimeOffset createdAt)
    {
        var (width, height) = Shapes[random.Next(Shapes.Length)];
        var sha256 = Convert.ToHexStringLower(RandomBytes(32));
        var stem = MediaBlobKeys.VariantStem(mediaId, sha256);
        var variants = ImageVariants.All.Select(spec =>
        {
            var (w, h) = spec.SquareCrop
                ? (spec.Size, spec.Size)
                : width <= spec.Size ? (width, height) : (spec.Size, (int)Math.Round(height * (double)spec.Size / width));
            return new MediaVariant(spec.Name, MediaBlobKeys.Variant(stem, spec.Name, "webp"), w, h, "image/webp");
        }).ToImmutableArray();
        return new SeedMedia(
            mediaId,
            ownerId,
            width,
            height,
            random.NextInt64(800_000, 4_000_000),
            $"{MediaBlobKeys.UploadsOf(mediaId)}/{Convert.ToHexStringLower(RandomBytes(8))}",
            MediaBlobKeys.Original(sha256),
            Blurhashes[random.Next(Blurhashes.Length)],
            variants,
            createdAt);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
