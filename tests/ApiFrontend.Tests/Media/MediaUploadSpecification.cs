using Xunit;
using System.Net;
using System.Net.Http.Headers;
using ApiFrontend.Tests.Infrastructure;

namespace ApiFrontend.Tests.Media;

/// <summary>Uploading through the API, processing in the embedded silo, serving the variants.</summary>
public sealed class MediaUploadSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private readonly EmbeddedApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task A_photo_is_accepted_then_processed_into_four_webp_variants_with_a_blurhash()
    {
        using var client = await _api.CreateClientForAsync(1001);

        var mediaId = await client.UploadAcceptedAsync(await _samples.JpegAsync(1600, 1200));
        var media = await client.SettledAsync(mediaId);

        Assert.Equal("ready", media.GetProperty("status").GetString());
        Assert.Equal("image", media.GetProperty("type").GetString());
        Assert.Equal(1600, media.GetProperty("width").GetInt32());
        Assert.Equal(1200, media.GetProperty("height").GetInt32());
        Assert.Matches("^[0-9A-Za-z#$%*+,-.:;=?@\\[\\]^_{|}~]{28}$", media.GetProperty("blurhash").GetString());
        var variants = media.GetProperty("variants");
        Assert.Equal(["large_1080", "medium_640", "small_320", "thumb_150"], variants.EnumerateObject().Select(v => v.Name).Order());
        foreach (var variant in variants.EnumerateObject())
        {
            using var file = await client.GetAsync(variant.Value.GetString());
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/webp", file.Content.Headers.ContentType?.MediaType);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        }
    }

    [Fact]
    public async Task A_video_is_transcoded_to_720p_and_480p_mp4_with_poster_variants()
    {
        using var client = await _api.CreateClientForAsync(1007);

        var mediaId = await client.UploadAcceptedAsync(await _samples.Mp4Async(1280, 720, seconds: 2), "clip.mp4", "video/mp4");
        var media = await client.SettledAsync(mediaId);

        Assert.Equal("ready", media.GetProperty("status").GetString());
        Assert.Equal("video", media.GetProperty("type").GetString());
        Assert.Equal((1280, 720), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        Assert.InRange(media.GetProperty("duration_seconds").GetDouble(), 1.9, 2.2);
        var variants = media.GetProperty("variants");
        Assert.Equal(["large_1080", "medium_640", "small_320", "thumb_150", "video_480", "video_720"], variants.EnumerateObject().Select(v => v.Name).Order());
        using var video = await client.GetAsync(variants.GetProperty("video_720").GetString());
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        var bytes = await video.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
    }

    [Fact]
    public async Task A_video_over_sixty_seconds_is_refused()
    {
        using var client = await _api.CreateClientForAsync(1008);

        using var response = await client.UploadAsync(await _samples.Mp4Async(64, 64, seconds: 61), "long.mp4", "video/mp4");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Variants_are_cacheable_forever_with_an_etag_and_serve_byte_ranges()
    {
        using var client = await _api.CreateClientForAsync(1002);
        var media = await client.SettledAsync(await client.UploadAcceptedAsync(await _samples.JpegAsync(1200, 900)));
        var url = media.GetProperty("variants").GetProperty("large_1080").GetString()!;

        using var whole = await client.GetAsync(url);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("public, max-age=31536000, immutable", whole.Headers.CacheControl?.ToString());
        var etag = whole.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url);
        rangeRequest.Headers.Range = new RangeHeaderValue(100, 199);
        using var range = await client.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(bytes[100..200], await range.Content.ReadAsByteArrayAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task No_gps_or_camera_metadata_reaches_a_served_file()
    {
        using var client = await _api.CreateClientForAsync(1003);
        var upload = await _samples.JpegWithGpsAsync(800, 600);
        Assert.Contains("SecretCam 9000", System.Text.Encoding.Latin1.GetString(upload)); // the sample really carries it

        var media = await client.SettledAsync(await client.UploadAcceptedAsync(upload));

        foreach (var variant in media.GetProperty("variants").EnumerateObject())
        {
            var bytes = await client.GetByteArrayAsync(variant.Value.GetString());
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("SecretCam", text);
            Assert.DoesNotContain("EXIF", text);
            Assert.DoesNotContain("Exif", text);
            Assert.DoesNotContain("XMP ", text);
        }
    }

    [Fact]
    public async Task A_direct_upload_goes_to_the_signed_url_then_completes()
    {
        using var client = await _api.CreateClientForAsync(1004);
        var jpeg = await _samples.JpegAsync(640, 480);

        var issued = await client.GetFromJsonElementAsync($"/api/v1/media/upload-url?content_type=image/jpeg&size_bytes={jpeg.Length}");
        var mediaId = issued.GetProperty("media_id").GetString()!;
        Assert.True(issued.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal("awaiting_upload", (await client.GetMediaAsync(mediaId)).GetProperty("status").GetString());

        using var anonymous = _api.CreateClient(); // the URL itself is the authorisation
        using var put = await anonymous.PutAsync(issued.GetProperty("upload_url").GetString(), new ByteArrayContent(jpeg));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        using var complete = await client.PostAsync($"/api/v1/media/{mediaId}/complete", null);
        Assert.Equal(HttpStatusCode.Accepted, complete.StatusCode);

        var media = await client.SettledAsync(mediaId);
        Assert.Equal("ready", media.GetProperty("status").GetString());
        Assert.Equal(640, media.GetProperty("width").GetInt32());

        using var again = await client.PostAsync($"/api/v1/media/{mediaId}/complete", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // completing twice is harmless
    }

    [Fact]
    public async Task A_forged_upload_url_is_refused()
    {
        using var client = await _api.CreateClientForAsync(1005);
        var issued = await client.GetFromJsonElementAsync("/api/v1/media/upload-url?content_type=image/jpeg&size_bytes=1000");
        var url = issued.GetProperty("upload_url").GetString()!;
        using var anonymous = _api.CreateClient();

        using var biggerGrant = await anonymous.PutAsync(url.Replace("max_bytes=1000", "max_bytes=99999999"), new ByteArrayContent([0xFF, 0xD8, 0xFF]));
        await biggerGrant.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var otherMedia = await anonymous.PutAsync(url.Replace(issued.GetProperty("media_id").GetString()!, "12345"), new ByteArrayContent([0xFF, 0xD8, 0xFF]));
        await otherMedia.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var unsigned = await anonymous.PutAsync(url[..url.IndexOf("&signature=", StringComparison.Ordinal)], new ByteArrayContent([0xFF, 0xD8, 0xFF]));
        await unsigned.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Completing_before_uploading_is_a_conflict_and_other_users_media_is_invisible()
    {
        using var owner = await _api.CreateClientForAsync(1006);
        using var stranger = await _api.CreateClientForAsync(2006);
        var issued = await owner.GetFromJsonElementAsync("/api/v1/media/upload-url?content_type=image/png&size_bytes=5000");
        var mediaId = issued.GetProperty("media_id").GetString()!;

        using var early = await owner.PostAsync($"/api/v1/media/{mediaId}/complete", null);
        await early.AssertProblemAsync(HttpStatusCode.Conflict);
        using var peek = await stranger.GetAsync($"/api/v1/media/{mediaId}");
        await peek.AssertProblemAsync(HttpStatusCode.NotFound);
        using var hijack = await stranger.PostAsync($"/api/v1/media/{mediaId}/complete", null);
        await hijack.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Media_endpoints_need_a_bearer_token()
    {
        using var anonymous = _api.CreateClient();

        using var upload = await anonymous.UploadAsync(await _samples.JpegAsync(64, 64));
        await upload.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var get = await anonymous.GetAsync("/api/v1/media/1");
        await get.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
