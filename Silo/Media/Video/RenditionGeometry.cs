namespace Instagram.Silo.Media.Video;

/// <summary>
/// Rendition sizes. "720p" bounds the short side, so a portrait video becomes 720 wide rather than 720
/// tall and keeps the same sharpness as a landscape one. Never enlarges. Both sides come out even because
/// H.264 in 4:2:0 needs them even; rounding down keeps the never-enlarge promise.
/// </summary>
internal static class RenditionGeometry
{
    public static (int Width, int Height) Fit(int width, int height, int shortSideLimit)
    {
        var shortSide = Math.Min(width, height);
        var scale = shortSide > shortSideLimit ? (double)shortSideLimit / shortSide : 1.0;
        return (Even(width * scale), Even(height * scale));
    }

    private static int Even(double length) => Math.Max(2, (int)Math.Round(length) & ~1);
}
