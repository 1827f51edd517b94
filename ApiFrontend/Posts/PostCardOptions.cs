namespace Instagram.ApiFrontend.Posts;

/// <summary>The rendered-post cache (configuration section <c>PostCards</c>).</summary>
public sealed class PostCardOptions
{
    public const string Section = "PostCards";

    /// <summary>
    /// Posts kept rendered. A card is about 1.5 KiB plus up to four JSON renderings of the same size, so the
    /// default of 20 000 takes at most about 150 MiB (typically a third of that).
    /// </summary>
    public int Capacity { get; set; } = 20_000;
}
