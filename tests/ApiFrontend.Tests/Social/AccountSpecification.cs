using System.Net;
using System.Net.Http.Json;
using System.Text;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>Registration and login: unique names regardless of case, hashed passwords, tokens that work.</summary>
public sealed class AccountSpecification : IAsyncLifetime
{
    private readonly EmbeddedApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_registered_user_can_log_in_by_username_or_email_and_the_token_works()
    {
        using var alice = await _api.RegisterAsync("alice");
        using var anonymous = _api.CreateClient();

        foreach (var login in new[] { "alice", "ALICE", "alice@example.com", "Alice@Example.com" })
        {
            using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login, password = "correct horse battery" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(alice.UserId, body.GetProperty("user_id").GetString());
        }

        var profile = await alice.ProfileAsync(alice);
        Assert.Equal("alice", profile.GetProperty("username").GetString());
        Assert.Equal("alice", profile.GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Login_says_whether_the_account_exists_as_registration_must()
    {
        using var bob = await _api.RegisterAsync("bob");
        using var anonymous = _api.CreateClient();

        using var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "bob", password = "not the password" });
        using var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "not the password" });
        using var taken = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "bobby", email = "bob@example.com", password = "correct horse battery" });

        Assert.Contains("password is wrong", (await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Contains("No account", (await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Contains("email", (await taken.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Probing_registration_for_taken_names_uses_up_the_addresss_allowance_but_mistakes_do_not()
    {
        await using var api = new EmbeddedApi(new Dictionary<string, string> { ["RateLimits:Register:Limit"] = "3" });
        using var zoe = await api.RegisterAsync("zoe");
        using var anonymous = api.CreateClient();

        using var weak = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "probe", email = "probe@example.com", password = "12345678" });
        using var takenName = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "zoe", email = "probe@example.com", password = "correct horse battery" });
        using var takenEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "probe", email = "zoe@example.com", password = "correct horse battery" });
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "probe", email = "probe@example.com", password = "correct horse battery" });

        await weak.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await takenName.AssertProblemAsync(HttpStatusCode.Conflict);
        await takenEmail.AssertProblemAsync(HttpStatusCode.Conflict);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Usernames_are_unique_regardless_of_case_and_emails_too()
    {
        using var carol = await _api.RegisterAsync("carol");
        using var anonymous = _api.CreateClient();

        using var sameName = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "CAROL", email = "other@example.com", password = "long enough pw" });
        using var sameEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "carol2", email = "CAROL@example.com", password = "long enough pw" });

        await sameName.AssertProblemAsync(HttpStatusCode.Conflict);
        await sameEmail.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"username\":\"\",\"email\":\"a@example.com\",\"password\":\"long enough pw\"}")]
    [InlineData("{\"username\":\"has space\",\"email\":\"a@example.com\",\"password\":\"long enough pw\"}")]
    [InlineData("{\"username\":\"waytoolongusernamethatgoesonandon\",\"email\":\"a@example.com\",\"password\":\"long enough pw\"}")]
    [InlineData("{\"username\":\"dave\",\"email\":\"not-an-email\",\"password\":\"long enough pw\"}")]
    [InlineData("{\"username\":\"dave\",\"email\":\"d@example.com\",\"password\":\"short\"}")]
    public async Task Invalid_registrations_are_422(string json)
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsync("/api/v1/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("{\"username\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"username\":42}")]
    public async Task Malformed_json_is_400(string json)
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsync("/api/v1/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        using var anonymous = _api.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"username\":\"x\",\"email\":\"x@example.com\",\"password\":\"long enough pw\"}");
        bytes[14] = 0xFF; // inside the username string

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await anonymous.PostAsync("/api/v1/auth/register", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_slow_salted_hashes()
    {
        using var erin = await _api.RegisterAsync("erin", password: "erin's secret phrase");
        using var frank = await _api.RegisterAsync("frank", password: "erin's secret phrase");

        var hashes = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_api.DataDirectory, "instagram.db")};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT password_hash FROM users WHERE username IN ('erin', 'frank')";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                hashes.Add(reader.GetString(0));
            }
        }

        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, hash => Assert.DoesNotContain("secret", hash));
        Assert.All(hashes, hash => Assert.Equal(0x01, Convert.FromBase64String(hash)[0])); // PBKDF2 (ASP.NET Core Identity v3 format)
        Assert.NotEqual(hashes[0], hashes[1]); // salted: the same password hashes differently
    }

    [Fact]
    public async Task A_token_outlives_a_restart_of_the_app()
    {
        using var data = new TestDirectory("token-restart");
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = data.Path };
        string? token;
        string userId;
        await using (var first = new EmbeddedApi(settings))
        {
            using var grace = await first.RegisterAsync("grace");
            (token, userId) = (grace.Client.DefaultRequestHeaders.Authorization!.Parameter, grace.UserId);
        }

        await using var restarted = new EmbeddedApi(settings);
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var profile = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/grace");
        Assert.Equal(userId, profile.GetProperty("user_id").GetString());
    }
    [Fact]
    public async Task Users_me_is_the_caller_and_me_cannot_be_registered()
    {
        using var henry = await _api.RegisterAsync("henry");
        using var anonymous = _api.CreateClient();

        var own = await henry.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me");
        using var taken = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "ME", email = "me@example.com", password = "correct horse battery" });

        Assert.Equal(henry.UserId, own.GetProperty("user_id").GetString());
        Assert.Equal("henry", own.GetProperty("username").GetString());
        await taken.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public void Every_route_word_that_could_be_a_username_is_reserved()
    {
        var endpoints = _api.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        var words = endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .SelectMany(endpoint => endpoint.RoutePattern.PathSegments)
            .Where(segment => segment.Parts is [Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart]) // a whole segment, not "{name}.json"
            .Select(segment => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)segment.Parts[0]).Content.ToLowerInvariant())
            .Where(Instagram.ApiFrontend.Accounts.AccountRules.IsValidUsername)
            .Distinct()
            .ToList();

        Assert.Contains("me", words); // the routes were found at all
        Assert.All(words, word => Assert.True(Instagram.ApiFrontend.Accounts.ReservedUsernames.Contains(word), $"'{word}' is a route word but not reserved"));
    }

    [Theory]
    [InlineData("        ")]
    [InlineData("aaaaaaaa")]
    [InlineData("abababab")]
    [InlineData("12345678")]
    [InlineData("abcdefgh")]
    [InlineData("87654321")]
    [InlineData("Password1")]
    [InlineData("iloveyou")]
    [InlineData("ivy_green")]
    [InlineData("ivy_green2024")]
    [InlineData("ivy.mail")]
    public async Task Weak_passwords_are_refused(string password)
    {
        using var anonymous = _api.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = "ivy_green", email = "ivy.mail@example.com", password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("password", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invisible_characters_are_stripped_from_names_and_bios_but_emoji_sequences_survive()
    {
        using var anonymous = _api.CreateClient();
        using var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { username = "jack", email = "jack@example.com", password = "correct horse battery", display_name = "\u202Eecila\u200B" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var family = "\U0001F469\u200D\U0001F469\u200D\U0001F467";
        using var changed = await anonymous.PatchAsJsonAsync("/api/v1/users/me", new { bio = "\u2066hello\u2069 \uFEFF" + family });
        var profile = await anonymous.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("ecila", profile.GetProperty("display_name").GetString());
        Assert.Equal("hello " + family, profile.GetProperty("bio").GetString());
    }
}
