using System.Net;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Media;

/// <summary>Cluster-mode storage: media rows and jobs in PostgreSQL, bytes in S3 (uploaded straight to a presigned URL).</summary>
public sealed class MediaClusterStorageSpecification : IDisposable
{
    private readonly SampleMedia _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task A_direct_upload_to_s3_is_processed_with_state_in_postgres()
    {
        await using var schema = await TemporaryPostgresSchema.CreateAsync();
        await using var api = new EmbeddedApi(new Dictionary<string, string>
        {
            ["Storage:PostgresConnectionString"] = schema.ConnectionString,
            ["Media:Blobs:Provider"] = "s3",
            ["Media:Blobs:S3:ServiceUrl"] = TestS3Server.Endpoint,
            ["Media:Blobs:S3:Bucket"] = TestS3Server.NewBucketName(),
            ["Media:Blobs:S3:AccessKey"] = TestS3Server.AccessKey,
            ["Media:Blobs:S3:SecretKey"] = TestS3Server.SecretKey,
        });
        using var client = await api.CreateClientForAsync(5001);
        var jpeg = await _samples.JpegAsync(900, 600);

        var issued = await client.GetFromJsonElementAsync($"/api/v1/media/upload-url?content_type=image/jpeg&size_bytes={jpeg.Length}");
        var uploadUrl = new Uri(issued.GetProperty("upload_url").GetString()!);
        Assert.StartsWith(TestS3Server.Endpoint, uploadUrl.ToString()); // straight to S3, not through the frontend
        Assert.Contains("X-Amz-Signature=", uploadUrl.Query);

        using (var s3 = new HttpClient())
        {
            var content = new ByteArrayContent(jpeg);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            using var put = await s3.PutAsync(uploadUrl, content);
            Assert.True(put.IsSuccessStatusCode, $"S3 answered {(int)put.StatusCode}");
        }

        var mediaId = issued.GetProperty("media_id").GetString()!;
        using var complete = await client.PostAsync($"/api/v1/media/{mediaId}/complete", null);
        Assert.Equal(HttpStatusCode.Accepted, complete.StatusCode);
        var media = await client.SettledAsync(mediaId);

        Assert.Equal("ready", media.GetProperty("status").GetString());
        Assert.Equal((900, 600), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        using var thumb = await client.GetAsync(media.GetProperty("variants").GetProperty("thumb_150").GetString());
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);
    }
}
