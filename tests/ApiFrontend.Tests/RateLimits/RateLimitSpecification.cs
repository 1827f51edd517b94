using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Instagram.ApiFrontend.RateLimits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ApiFrontend.Tests.RateLimits;

/// <summary>
/// Rate limits through the HTTP pipeline and the grains, with small limits so tests stay within one window.
/// Window expiry is specified by the sliding window's unit tests, against a manual clock.
/// </summary>
public sealed class RateLimitSpecification
{
    private const long Alice = 1001;
    private const long Bob = 1002;

    [Fact]
    public async Task The_call_past_the_limit_answers_429_problem_with_retry_after_and_rate_limit_headers()
    {
        await using var api = ApiWithFollowLimit(3);
        using var alice = await api.CreateClientForAsync(Alice);

        for (var call = 1; call <= 3; call++)
        {
            using var allowed = await alice.PostAsync("/test/follow", content: null);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("3", Header(allowed, "X-RateLimit-Limit"));
            Assert.Equal((3 - call).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(allowed, "X-RateLimit-Remaining"));
        }

        using var refused = await alice.PostAsync("/test/follow", content: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("3", Header(refused, "X-RateLimit-Limit"));
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));

        // The first call was an instant ago and the window is an hour: the wait is (almost) an hour, rounded up.
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Header(refused, "X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(reset - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Only_accepted_writes_count_so_a_client_fixing_a_refused_body_is_not_locked_out()
    {
        await using var api = ApiWithFollowLimit(3);
        using var alice = await api.CreateClientForAsync(Alice);

        for (var call = 0; call < 5; call++)
        {
            using var refused = await alice.PostAsync("/test/refused-follow", content: null);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("2", Header(refused, "X-RateLimit-Remaining")); // counted while it ran, taken back after
        }

        for (var call = 1; call <= 3; call++)
        {
            using var accepted = await alice.PostAsync("/test/follow", content: null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var pastTheLimit = await alice.PostAsync("/test/follow", content: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, pastTheLimit.StatusCode);
    }

    [Fact]
    public async Task Every_write_counts_against_a_limit_and_so_carries_the_headers()
    {
        await using var api = new EmbeddedApi();
        var unlimited = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Where(e => e.Metadata.GetMetadata<RateLimitedEndpoint>() is null)
            .Select(e => e.RoutePattern.RawText!)
            .ToList();

        // Login counts per account and address in its handler; an upload URL's PUT is authorised by its signature, not a user.
        Assert.Equal(["/api/v1/auth/login", "/api/v1/media/uploads/{mediaId:long}"], unlimited.Order());

        using var alice = await api.CreateClientForAsync(Alice);
        using var unlike = await alice.DeleteAsync("/api/v1/posts/1/like");
        Assert.Equal(HttpStatusCode.NotFound, unlike.StatusCode);
        Assert.Equal("300", Header(unlike, "X-RateLimit-Limit"));
        Assert.Equal("299", Header(unlike, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task One_users_limit_does_not_affect_another_user()
    {
        await using var api = ApiWithFollowLimit(3);
        using var alice = await api.CreateClientForAsync(Alice);
        using var bob = await api.CreateClientForAsync(Bob);
        for (var call = 0; call < 4; call++)
        {
            (await alice.PostAsync("/test/follow", content: null)).Dispose();
        }

        using var response = await bob.PostAsync("/test/follow", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Parallel_calls_by_one_user_get_exactly_the_limit_through()
    {
        await using var api = ApiWithFollowLimit(3);
        using var alice = await api.CreateClientForAsync(Alice);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => alice.PostAsync("/test/follow", content: null)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(47, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_anonymous_request_to_a_user_limited_endpoint_is_refused_401_before_any_counting()
    {
        await using var api = ApiWithFollowLimit(3);
        using var anonymous = api.CreateClient();

        using var response = await anonymous.PostAsync("/test/follow", content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Unset_settings_keep_the_seed_defaults()
    {
        await using var api = ApiWithFollowLimit(3);

        var options = api.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.Equal((3, TimeSpan.FromHours(1)), (options.Follow.Limit, options.Follow.Window));
        Assert.Equal((10, TimeSpan.FromHours(1)), (options.Post.Limit, options.Post.Window));
        Assert.Equal((100, TimeSpan.FromHours(1)), (options.Like.Limit, options.Like.Window));
        Assert.Equal((50, TimeSpan.FromHours(1)), (options.Comment.Limit, options.Comment.Window));
        Assert.Equal((300, TimeSpan.FromHours(1)), (options.Write.Limit, options.Write.Window));
        Assert.Equal(TimeSpan.FromHours(1), options.Register.Window); // its limit is raised by the test host:
        Assert.Equal(20, new RateLimitOptions().Register.Limit);
        Assert.Equal((5, TimeSpan.FromMinutes(1)), (options.Login.Limit, options.Login.Window));
        Assert.Equal((100, TimeSpan.FromHours(1)), (options.LoginFromNewAddresses.Limit, options.LoginFromNewAddresses.Window));
        Assert.Equal((30, TimeSpan.FromMinutes(1)), (options.LoginPerAddress.Limit, options.LoginPerAddress.Window));
    }

    [Theory]
    [InlineData("RateLimits:Follow:Limit", "0")]
    [InlineData("RateLimits:Like:Window", "00:00:00")]
    [InlineData("RateLimits:Login:Window", "2.00:00:00")]
    public async Task A_limit_that_makes_no_sense_stops_start_up_naming_the_setting(string setting, string value)
    {
        await using var api = ApiWith((setting, value));

        var failure = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(setting, failure.Message);
    }

    private static EmbeddedApi ApiWithFollowLimit(int limit) =>
        ApiWith(("RateLimits:Follow:Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static EmbeddedApi ApiWith(params (string Key, string Value)[] settings) =>
        new(
            settings.ToDictionary(s => s.Key, s => s.Value),
            services => services.AddSingleton<IStartupFilter>(new RateLimitedTestEndpoints()));

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues(name));
}
