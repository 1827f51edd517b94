using Instagram.ApiFrontend.Posts;
using Instagram.Grains.Posts;
using Microsoft.Extensions.Options;
using Xunit;

namespace ApiFrontend.Tests.Social;

/// <summary>The kept renderings' rules, without a host: a card is used only while nothing it shows has changed since its sources were read.</summary>
public sealed class PostCardsSpecification
{
    private const string Base = "http://localhost";
    private const long AuthorId = 7;

    private readonly PostCards _cards = new(Options.Create(new PostCardOptions { Capacity = 100 }));

    [Fact]
    public void A_kept_card_is_found_until_its_post_or_its_author_changes()
    {
        _cards.Keep(Render(1));
        _cards.Keep(Render(2));
        Assert.NotNull(_cards.Find(1, Base));

        _cards.PostChanged(1);
        Assert.Null(_cards.Find(1, Base));
        Assert.NotNull(_cards.Find(2, Base));

        _cards.UserChanged(AuthorId);
        Assert.Null(_cards.Find(2, Base));
    }

    [Fact]
    public void A_card_rendered_from_sources_read_before_a_change_is_never_found_even_if_kept_after_it()
    {
        var stale = Render(3); // versions read, then the grains were read …
        _cards.PostChanged(3); // … while the post changed
        _cards.Keep(stale);

        Assert.Null(_cards.Find(3, Base));

        var staleAuthor = Render(4);
        _cards.UserChanged(AuthorId);
        _cards.Keep(staleAuthor);
        Assert.Null(_cards.Find(4, Base));
    }

    [Fact]
    public void A_card_holds_URLs_of_one_base_only()
    {
        _cards.Keep(Render(5));

        Assert.Null(_cards.Find(5, "https://elsewhere.example"));
    }

    [Fact]
    public void Keeping_more_cards_than_the_capacity_drops_some()
    {
        for (var postId = 1; postId <= 10_000; postId++)
        {
            _cards.Keep(Render(postId));
        }

        var found = Enumerable.Range(1, 10_000).Count(id => _cards.Find(id, Base) is not null);
        Assert.InRange(found, 1, 100 + 1024); // trimmed at every 1 024th keep, down to 90
        Assert.NotNull(_cards.Find(10_000, Base)); // the newest stays
    }

    private PostCard Render(long postId)
    {
        var post = new PostInfo(postId, AuthorId, [], "caption", [], [], null, [], PostStatus.Published, 0, 0, DateTimeOffset.UnixEpoch);
        var view = new PostView(PostView.Id(postId), new AuthorView("7", "author", null), [], "caption", [], [], null, [], 0, 0, false, false, "published", DateTimeOffset.UnixEpoch);
        return new PostCard(post, view, Base, _cards.PostVersion(postId), _cards.AuthorVersion(AuthorId));
    }
}
