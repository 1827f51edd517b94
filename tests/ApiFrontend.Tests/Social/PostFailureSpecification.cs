using System.Net;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Instagram.Silo.Media;
using Instagram.Silo.Media.Imaging;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>A post whose media fails processing fails too, and never reaches anyone but its author.</summary>
public sealed class PostFailureSpecification : IDisposable
{
    private readonly SampleMedia _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task A_post_of_media_that_fails_fails_and_stays_with_its_author()
    {
        var renderer = new RejectingRenderer();
        await using var api = new EmbeddedApi(services: services => services.AddSingleton<IImageProcessor>(provider =>
        {
            renderer.Inner = ActivatorUtilities.CreateInstance<VipsImageProcessor>(provider);
            return renderer;
        }));
        using var author = await api.RegisterAsync("unlucky");
        using var stranger = await api.RegisterAsync("onlooker");
        var mediaId = await author.Client.UploadAcceptedAsync(await _samples.JpegAsync(800, 600));

        // The media is still processing (its render waits for the gate) when the post is made.
        var created = await Posting.CreatePostAsync(author, new { media_ids = new[] { mediaId } });
        var postId = created.GetProperty("post_id").GetString()!;
        Assert.Equal("processing", created.GetProperty("status").GetString());
        renderer.Gate.Release();

        await Eventually.ValueAsync(
            () => author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}"),
            p => p.GetProperty("status").GetString() == "failed",
            "the post fails with its media");
        await stranger.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{postId}", HttpStatusCode.NotFound);
        Assert.Equal(0, (await author.ProfileAsync(author)).GetProperty("post_count").GetInt64());
    }

    /// <summary>libvips for headers; rendering waits for the gate, then finds the image damaged.</summary>
    private sealed class RejectingRenderer : IImageProcessor
    {
        public SemaphoreSlim Gate { get; } = new(0);

        public IImageProcessor Inner { get; set; } = null!;

        public ImageHeader ReadHeader(string path) => Inner.ReadHeader(path);

        public RenderedImage Render(string path, IReadOnlyList<ImageVariantSpec> variants, long maxPixels)
        {
            Gate.Wait(TimeSpan.FromSeconds(30));
            throw new MediaRejectedException(MediaRejection.Invalid, "damaged on purpose");
        }
    }
}
