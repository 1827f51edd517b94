using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiFrontend.Tests.Infrastructure;
using ApiFrontend.Tests.Media;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>Tagging users in a post: only users the author may see, at most 20, shown in the post.</summary>
public sealed class TaggingSpecification : IAsyncLifetime
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
    public async Task Tagged_users_appear_in_the_post_with_their_usernames()
    {
        using var author = await _api.RegisterAsync("photographer");
        using var friend = await _api.RegisterAsync("friend");
        using var other = await _api.RegisterAsync("other_friend");
        var mediaId = await _samples.ReadyPhotoAsync(author);

        var created = await Posting.CreatePostAsync(author, new { media_ids = new[] { mediaId }, tagged_users = new[] { friend.UserId, other.UserId, friend.UserId } });
        var post = await author.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/posts/{created.GetProperty("post_id").GetString()}");

        var tagged = post.GetProperty("tagged_users").EnumerateArray().Select(u => (u.GetProperty("user_id").GetString(), u.GetProperty("username").GetString())).ToList();
        Assert.Equal([(friend.UserId, "friend"), (other.UserId, "other_friend")], tagged);
    }

    [Fact]
    public async Task Tagging_a_user_who_does_not_exist_or_blocked_the_author_is_refused_by_id()
    {
        using var author = await _api.RegisterAsync("tagger");
        using var blocker = await _api.RegisterAsync("tag_blocker");
        using var block = await blocker.Client.PostAsync($"/api/v1/users/{author.UserId}/block", null);
        Assert.True(block.IsSuccessStatusCode);
        var mediaId = await _samples.ReadyPhotoAsync(author);

        foreach (var stranger in new[] { "999999999999", blocker.UserId })
        {
            using var response = await author.Client.PostAsJsonAsync("/api/v1/posts", new { media_ids = new[] { mediaId }, tagged_users = new[] { stranger } });

            var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains(stranger, problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("not-an-id", "user IDs")]
    [InlineData("21 users", "at most 20")]
    public async Task Malformed_or_too_many_tags_are_422_saying_which(string tags, string expected)
    {
        using var author = await _api.RegisterAsync("overtagger");
        var ids = tags == "not-an-id"
            ? ["not-an-id"]
            : Enumerable.Range(1, 21).Select(i => (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        using var response = await author.Client.PostAsJsonAsync("/api/v1/posts", new { media_ids = new[] { "1" }, tagged_users = ids });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_field_in_a_profile_change_is_refused_and_changes_nothing()
    {
        using var user = await _api.RegisterAsync("typo_prone");

        using var response = await user.Client.PatchAsJsonAsync("/api/v1/users/me", new { bio = "new bio", is_privat = true });
        var profile = await user.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/users/me");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("is_privat", out _));
        Assert.Equal(string.Empty, profile.GetProperty("bio").GetString());
        Assert.False(profile.GetProperty("is_private").GetBoolean());
    }
}
