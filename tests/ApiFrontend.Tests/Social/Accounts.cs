using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>A registered user as the tests drive it: its ID and a client carrying its token.</summary>
public sealed record TestUser(string UserId, string Username, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>Registering and calling as users, the way a client app does.</summary>
public static class Accounts
{
    public static async Task<TestUser> RegisterAsync(this EmbeddedApi api, string username, string? email = null, string password = "correct horse battery")
    {
        var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { username, email = email ?? $"{username}@example.com", password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register {username}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
        return new TestUser(json.RootElement.GetProperty("user_id").GetString()!, json.RootElement.GetProperty("username").GetString()!, client);
    }

    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> ProfileAsync(this TestUser viewer, TestUser owner) =>
        viewer.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/users/{owner.Username}");

    public static Task<JsonElement> FollowAsync(this TestUser follower, TestUser target) =>
        follower.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/users/{target.UserId}/follow");

    public static async Task<List<string>> ListAsync(this TestUser viewer, string url)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await viewer.Client.SendJsonAsync(HttpMethod.Get, cursor is null ? url : $"{url}?cursor={Uri.EscapeDataString(cursor)}");
            ids.AddRange(page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!));
            cursor = page.GetProperty("has_more").GetBoolean() ? page.GetProperty("next_cursor").GetString() : null;
        }
        while (cursor is not null);

        return ids;
    }
}
