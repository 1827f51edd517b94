using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>
/// Sessions: login hands out an access token with its lifetime and a refresh token that exchanges exactly
/// once; logging out or revoking a session stops both of its tokens at once, not an hour later.
/// </summary>
public sealed class SessionSpecification : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly EmbeddedApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Login_answers_a_bearer_token_with_its_lifetime_and_a_refresh_token_that_rotates()
    {
        using var kate = await _api.RegisterAsync("kate");
        var login = await LoginAsync("kate");

        var refreshed = await RefreshAsync(login.GetProperty("refresh_token").GetString()!, HttpStatusCode.OK);

        Assert.Equal("Bearer", login.GetProperty("token_type").GetString());
        Assert.Equal(3600, login.GetProperty("expires_in").GetInt64());
        Assert.Equal(kate.UserId, refreshed.GetProperty("user_id").GetString());
        Assert.NotEqual(login.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(refreshed.GetProperty("access_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(login.GetProperty("access_token").GetString()!)); // still within its hour
    }

    [Fact]
    public async Task A_refresh_token_used_twice_ends_the_session_for_whoever_holds_its_tokens()
    {
        using var liam = await _api.RegisterAsync("liam");
        var login = await LoginAsync("liam");
        var stolen = login.GetProperty("refresh_token").GetString()!;
        var owners = await RefreshAsync(stolen, HttpStatusCode.OK);

        var replay = await RefreshAsync(stolen, HttpStatusCode.Unauthorized);

        Assert.Contains("already used", replay.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(owners.GetProperty("access_token").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(login.GetProperty("access_token").GetString()!));
        await RefreshAsync(owners.GetProperty("refresh_token").GetString()!, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await liam.Client.GetAsync("/api/v1/users/me")).StatusCode); // the registration's session is another one
    }

    [Fact]
    public async Task Logout_stops_the_access_token_and_the_refresh_token_of_that_session_only()
    {
        using var mia = await _api.RegisterAsync("mia");
        var login = await LoginAsync("mia");
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("access_token").GetString());

        using var logout = await client.PostAsync("/api/v1/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(login.GetProperty("access_token").GetString()!));
        await RefreshAsync(login.GetProperty("refresh_token").GetString()!, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await mia.Client.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task A_user_lists_their_sessions_and_revokes_one_but_not_someone_elses()
    {
        using var noah = await _api.RegisterAsync("noah");
        using var olga = await _api.RegisterAsync("olga");
        var phone = await LoginAsync("noah", userAgent: "Phone/1.0");

        var listed = await noah.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/auth/sessions");
        var sessions = listed.GetProperty("sessions").EnumerateArray().ToList();
        var phoneSession = sessions.Single(session => session.GetProperty("client").GetString() == "Phone/1.0");
        var phoneId = phoneSession.GetProperty("session_id").GetString();
        using var byStranger = await olga.Client.DeleteAsync($"/api/v1/auth/sessions/{phoneId}");
        using var byOwner = await noah.Client.DeleteAsync($"/api/v1/auth/sessions/{phoneId}");
        using var again = await noah.Client.DeleteAsync($"/api/v1/auth/sessions/{phoneId}");

        Assert.Equal(2, sessions.Count);
        Assert.Equal(1, sessions.Count(session => session.GetProperty("current").GetBoolean()));
        Assert.False(phoneSession.GetProperty("current").GetBoolean());
        await byStranger.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(phone.GetProperty("access_token").GetString()!));
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"refresh_token\":\"\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"refresh_token\":\"not a token\"}", HttpStatusCode.Unauthorized)]
    [InlineData("{\"refresh_token\":\"CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}", HttpStatusCode.Unauthorized)]
    public async Task Missing_or_forged_refresh_tokens_are_refused(string body, HttpStatusCode expected)
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsync("/api/v1/auth/refresh", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(expected);
    }

    [Fact]
    public async Task An_access_token_cannot_be_used_as_a_refresh_token()
    {
        using var pia = await _api.RegisterAsync("pia");
        var login = await LoginAsync("pia");

        await RefreshAsync(login.GetProperty("access_token").GetString()!, HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement> LoginAsync(string username, string userAgent = "Tests/1.0")
    {
        using var anonymous = _api.CreateClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = username, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login {username}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> RefreshAsync(string refreshToken, HttpStatusCode expected)
    {
        using var anonymous = _api.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"refresh: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpStatusCode> StatusOfMeAsync(string accessToken)
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/v1/users/me");
        return response.StatusCode;
    }
}
