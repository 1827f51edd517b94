using System.Net;
using System.Net.Http.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using ApiFrontend.Tests.Social;
using Xunit;

namespace ApiFrontend.Tests.RateLimits;

/// <summary>
/// Password guessing is limited without handing strangers a way to lock the owner out: failures count per
/// account and address (username and email alike), addresses the account never logged in from share a
/// ceiling, one address is limited over all accounts, and right passwords count nowhere. The clients are
/// real TCP connections from distinct loopback addresses.
/// </summary>
public sealed class LoginGuardSpecification : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private static readonly IPAddress Owner = IPAddress.Parse("127.0.0.1");

    private readonly EmbeddedApi _api = new EmbeddedApi(new Dictionary<string, string>
    {
        ["RateLimits:Login:Limit"] = "3",
        ["RateLimits:LoginFromNewAddresses:Limit"] = "6",
        ["RateLimits:LoginPerAddress:Limit"] = "8",
    }).OverKestrel();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_stranger_guessing_from_one_address_does_not_lock_the_owner_out_of_another()
    {
        using var alice = await _api.RegisterAsync("alice");
        using var stranger = _api.CreateClientFrom(IPAddress.Parse("127.0.0.2"));
        using var owner = _api.CreateClientFrom(Owner);

        // Username and email are one account: three failures in all, not three each.
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(stranger, "alice", "wrong guess one"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(stranger, "alice@example.com", "wrong guess two"));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(stranger, "ALICE", "wrong guess three"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(stranger, "alice@example.com", Password));

        Assert.Equal(HttpStatusCode.OK, await LoginAsync(owner, "alice", Password));
    }

    [Fact]
    public async Task Strangers_on_many_addresses_reach_a_ceiling_that_spares_the_address_the_owner_logged_in_from()
    {
        using var bob = await _api.RegisterAsync("bob");
        using var owner = _api.CreateClientFrom(Owner);
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(owner, "bob", Password));
        foreach (var address in new[] { "127.0.0.3", "127.0.0.4" })
        {
            using var stranger = _api.CreateClientFrom(IPAddress.Parse(address));
            for (var guess = 0; guess < 3; guess++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(stranger, "bob", $"guess {guess} from {address}"));
            }
        }

        using var newcomer = _api.CreateClientFrom(IPAddress.Parse("127.0.0.5"));
        using var refused = await PostLoginAsync(newcomer, "bob", Password);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59)); // the ceiling's hour, not a minute
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(owner, "bob", Password));
    }

    [Fact]
    public async Task Right_passwords_count_nowhere()
    {
        using var carol = await _api.RegisterAsync("carol");
        using var owner = _api.CreateClientFrom(IPAddress.Parse("127.0.0.6"));

        for (var login = 0; login < 10; login++)
        {
            Assert.Equal(HttpStatusCode.OK, await LoginAsync(owner, "carol", Password));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(owner, "carol", "a first wrong one"));
    }

    [Fact]
    public async Task One_address_guessing_across_accounts_is_limited_without_touching_those_accounts()
    {
        using var dave = await _api.RegisterAsync("dave");
        using var sprayer = _api.CreateClientFrom(IPAddress.Parse("127.0.0.7"));
        for (var account = 0; account < 8; account++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(sprayer, $"someone{account}", "Summer2026!"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(sprayer, "dave", "Summer2026!"));
        using var elsewhere = _api.CreateClientFrom(IPAddress.Parse("127.0.0.8"));
        using var allowed = await PostLoginAsync(elsewhere, "dave", "not it either");
        await allowed.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("2", Assert.Single(allowed.Headers.GetValues("X-RateLimit-Remaining"))); // dave's own three, one used now
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string login, string password)
    {
        using var response = await PostLoginAsync(client, login, password);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { login, password });
}
