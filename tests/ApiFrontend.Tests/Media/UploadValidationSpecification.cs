using System.Net;
using System.Text;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Media;

/// <summary>What is not an acceptable upload is refused with a problem, before anything is decoded or stored.</summary>
public sealed class UploadValidationSpecification : IAsyncLifetime
{
    private const int SmallImageLimit = 256 * 1024;

    private readonly SampleMedia _samples = new();
    private readonly EmbeddedApi _api = new(new Dictionary<string, string> { ["Media:MaxImageBytes"] = SmallImageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task Text_renamed_to_jpg_is_unsupported()
    {
        using var client = await _api.CreateClientForAsync(3001);

        using var response = await client.UploadAsync(Encoding.UTF8.GetBytes("definitely not a photo"), "photo.jpg", "image/jpeg");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_empty_file_is_unsupported()
    {
        using var client = await _api.CreateClientForAsync(3002);

        using var response = await client.UploadAsync([], "empty.jpg");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_png_claiming_sixty_thousand_pixels_square_is_refused_before_decoding()
    {
        using var client = await _api.CreateClientForAsync(3003);

        using var response = await client.UploadAsync(_samples.PngClaiming(60_000, 60_000), "bomb.png", "image/png");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("60000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_with_413_before_the_client_has_sent_it_all()
    {
        await using var api = new EmbeddedApi(new Dictionary<string, string> { ["Media:MaxImageBytes"] = "262144" }).OverKestrel();
        var jpegHeader = await _samples.JpegAsync(64, 64);
        using var client = api.CreateClient(); // only for the real server's address

        // A raw client, because HttpClient reports a connection closed mid-upload as an error and hides the answer.
        var (status, sent) = await RawUpload.SendChunkedAsync(client.BaseAddress!, await api.TokenForAsync(3004), jpegHeader, totalBytes: 50L * 1024 * 1024);

        Assert.Equal(413, status);
        Assert.True(sent < 10L * 1024 * 1024, $"the refusal should arrive while the upload is still going, but {sent} bytes went out first");
    }

    [Fact]
    public async Task A_truncated_jpeg_is_accepted_but_fails_processing_without_retries()
    {
        using var client = await _api.CreateClientForAsync(3005);
        var jpeg = await _samples.JpegAsync(800, 600);

        var mediaId = await client.UploadAcceptedAsync(jpeg[..(jpeg.Length / 2)]);
        var media = await client.SettledAsync(mediaId);

        Assert.Equal("failed", media.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(media.GetProperty("failure").GetString()));
    }

    [Fact]
    public async Task Upload_urls_are_refused_for_unsupported_types_absurd_sizes_and_sizes_over_the_limit()
    {
        using var client = await _api.CreateClientForAsync(3006);

        using var pdf = await client.GetAsync("/api/v1/media/upload-url?content_type=application/pdf&size_bytes=100");
        await pdf.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var negative = await client.GetAsync("/api/v1/media/upload-url?content_type=image/jpeg&size_bytes=-5");
        await negative.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var garbage = await client.GetAsync("/api/v1/media/upload-url?content_type=image/jpeg&size_bytes=99999999999999999999999");
        await garbage.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var tooBig = await client.GetAsync($"/api/v1/media/upload-url?content_type=image/jpeg&size_bytes={SmallImageLimit + 1}");
        await tooBig.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_expired_upload_url_is_refused()
    {
        await using var api = new EmbeddedApi(new Dictionary<string, string> { ["Media:UploadUrlLifetime"] = "00:00:00.001" });
        using var client = await api.CreateClientForAsync(3007);
        var jpeg = await _samples.JpegAsync(64, 64);
        var issued = await client.GetFromJsonElementAsync($"/api/v1/media/upload-url?content_type=image/jpeg&size_bytes={jpeg.Length}");
        await Eventually.TrueAsync(() => issued.GetProperty("expires_at").GetDateTimeOffset() < DateTimeOffset.UtcNow, "the URL's lifetime passes");

        using var anonymous = api.CreateClient();
        using var put = await anonymous.PutAsync(issued.GetProperty("upload_url").GetString(), new ByteArrayContent(jpeg));

        await put.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("expired", await put.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_multipart_body_without_a_file_part_or_not_multipart_at_all_is_refused()
    {
        using var client = await _api.CreateClientForAsync(3008);

        using var noFile = await client.PostAsync("/api/v1/media", new MultipartFormDataContent { { new StringContent("hello"), "caption" } });
        await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var json = await client.PostAsync("/api/v1/media", new StringContent("{\"file\":1}", Encoding.UTF8, "application/json"));
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_multipart_body_cut_off_before_its_closing_boundary_is_malformed()
    {
        using var client = await _api.CreateClientForAsync(3009);
        var body = System.Text.Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhello");
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=cut");

        using var response = await client.PostAsync("/api/v1/media", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
