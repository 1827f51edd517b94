using System.Net;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Instagram.Silo.Media.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ApiFrontend.Tests.Idempotency;

/// <summary>POST /api/v1/media with an Idempotency-Key: a repeat gets the first answer and the upload is created once.</summary>
public sealed class IdempotentUploadSpecification : IAsyncLifetime
{
    private readonly SampleMedia _samples = new();
    private readonly EmbeddedApi _api = new();
    private byte[] _photo = [];

    public async Task InitializeAsync() => _photo = await _samples.JpegAsync(320, 240);

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _samples.Dispose();
    }

    [Fact]
    public async Task A_repeated_upload_with_the_same_key_replays_the_first_answer()
    {
        using var client = await _api.CreateClientForAsync(7001);

        var first = await client.UploadWithKeyAsync("upload-1", _photo);
        var repeat = await client.UploadWithKeyAsync("upload-1", _photo);

        Assert.False(first.Replayed);
        Assert.True(repeat.Replayed);
        Assert.Equal(HttpStatusCode.Accepted, repeat.Status);
        Assert.Equal(first.MediaId, repeat.MediaId);
        Assert.Equal(first.Body, repeat.Body);
        Assert.Equal(first.ContentType, repeat.ContentType);
        Assert.Equal($"/api/v1/media/{first.MediaId}", repeat.Location);
    }

    [Fact]
    public async Task Without_a_key_every_upload_creates_media()
    {
        using var client = await _api.CreateClientForAsync(7002);

        var first = await client.UploadAcceptedAsync(_photo);
        var second = await client.UploadAcceptedAsync(_photo);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_same_key_from_another_user_is_another_key()
    {
        using var alice = await _api.CreateClientForAsync(7003);
        using var bob = await _api.CreateClientForAsync(7004);

        var hers = await alice.UploadWithKeyAsync("shared-key", _photo);
        var his = await bob.UploadWithKeyAsync("shared-key", _photo);

        Assert.False(his.Replayed);
        Assert.NotEqual(hers.MediaId, his.MediaId);
        await bob.GetMediaAsync(his.MediaId);
    }

    [Fact]
    public async Task The_same_key_with_a_different_file_is_refused_with_422()
    {
        using var client = await _api.CreateClientForAsync(7005);
        var first = await client.UploadWithKeyAsync("photo-key", _photo);

        var other = await client.UploadWithKeyAsync("photo-key", await _samples.JpegAsync(400, 300));

        other.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(first.MediaId, (await client.UploadWithKeyAsync("photo-key", _photo)).MediaId);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("naïve")]
    public async Task A_malformed_key_is_refused_with_400(string key)
    {
        using var client = await _api.CreateClientForAsync(7006);

        var answer = await client.UploadWithKeyAsync(key, _photo);

        answer.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused_and_255_are_accepted()
    {
        using var client = await _api.CreateClientForAsync(7007);

        (await client.UploadWithKeyAsync(new string('k', 256), _photo)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, (await client.UploadWithKeyAsync(new string('k', 255), _photo)).Status);
    }

    [Fact]
    public async Task Ten_identical_requests_at_once_create_one_media_item()
    {
        using var client = await _api.CreateClientForAsync(7008);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.UploadWithKeyAsync("burst", _photo)));

        var accepted = answers.Where(a => a.Status == HttpStatusCode.Accepted).ToList();
        Assert.Single(accepted, a => !a.Replayed);
        Assert.Single(accepted.Select(a => a.MediaId).Distinct());
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), busy =>
        {
            busy.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("1", busy.RetryAfter);
        });
    }

    [Fact]
    public async Task A_restarted_app_on_the_same_data_still_replays()
    {
        using var data = new TestDirectory("idempotency-restart");
        string mediaId;
        await using (var before = new EmbeddedApi(dataDirectory: data.Path))
        {
            using var client = await before.CreateClientForAsync(7009);
            mediaId = (await client.UploadWithKeyAsync("survives", _photo)).MediaId;
        }

        await using var after = new EmbeddedApi(dataDirectory: data.Path);
        using var again = await after.CreateClientForAsync(7009);
        var repeat = await again.UploadWithKeyAsync("survives", _photo);

        Assert.True(repeat.Replayed);
        Assert.Equal(mediaId, repeat.MediaId);
    }

    [Fact]
    public async Task A_first_attempt_that_failed_frees_the_key_for_a_retry()
    {
        var store = new BlobStoreFailingOnce();
        await using var api = new EmbeddedApi(services: services => store.Install(services));
        using var client = await api.CreateClientForAsync(7010);

        var failed = await client.UploadWithKeyAsync("flaky", _photo);
        var retried = await client.UploadWithKeyAsync("flaky", _photo);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.False(retried.Replayed);
        await client.GetMediaAsync(retried.MediaId);
    }

    [Fact]
    public async Task A_refusal_is_replayed_like_any_answer_below_500()
    {
        using var client = await _api.CreateClientForAsync(7011);
        var noFile = new MultipartFormDataContent { { new StringContent("hello"), "caption" } };

        using var firstResponse = await SendWithKeyAsync(client, "no-file", noFile);
        var first = await UploadAnswer.ReadAsync(firstResponse);
        using var repeatResponse = await SendWithKeyAsync(client, "no-file", new MultipartFormDataContent { { new StringContent("hello"), "caption" } });
        var repeat = await UploadAnswer.ReadAsync(repeatResponse);

        first.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(repeat.Replayed);
        Assert.Equal(first.Body, repeat.Body);
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>The app's blob store, except that the first upload it is asked to keep fails.</summary>
    private sealed class BlobStoreFailingOnce
    {
        private int _puts;

        public void Install(IServiceCollection services)
        {
            var original = services.Last(service => service.ServiceType == typeof(IBlobStore));
            services.Remove(original);
            services.AddSingleton<IBlobStore>(provider => new Failing((IBlobStore)original.ImplementationFactory!(provider), this));
        }

        private sealed class Failing(IBlobStore inner, BlobStoreFailingOnce owner) : IBlobStore
        {
            public string Name => inner.Name;

            public Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref owner._puts) == 1
                    ? throw new InvalidOperationException("The first put fails, on purpose.")
                    : inner.PutAsync(key, content, contentType, cancellationToken);

            public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken) => inner.GetPropertiesAsync(key, cancellationToken);

            public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

            public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

            public Uri? CreateUploadUrl(string key, string contentType, DateTimeOffset expiresAt) => inner.CreateUploadUrl(key, contentType, expiresAt);
        }
    }
}
