using System.Collections.Concurrent;
using Instagram.Grains.Posts;
using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.Posts;

/// <summary>
/// Published posts kept rendered, so a page of a list costs a dictionary lookup per post instead of grain
/// calls to the post, its media and its author, and a copy of ready JSON instead of serializing it again.
/// Never stale: grains report every change a rendering shows (<see cref="IRenderedViews"/>) before they
/// answer, which advances the post's or author's change count, and a card is used only while both counts
/// are those it was rendered from. A card rendered from sources read before a change therefore never
/// outlives it, however the reads and the change interleave.
/// </summary>
public sealed class PostCards(IOptions<PostCardOptions> options) : IRenderedViews
{
    /// <summary>Adds between checks of the size (counting a concurrent dictionary takes all its locks).</summary>
    private const int SizeCheckInterval = 1024;

    private readonly ConcurrentDictionary<long, PostCard> _cards = new();
    private readonly ChangeCounters _posts = new();
    private readonly ChangeCounters _authors = new();
    private readonly Lock _trimming = new();
    private int _addsSinceSizeCheck;

    /// <summary>The post's card for URLs under <paramref name="publicBase"/>, if one is kept and current.</summary>
    public PostCard? Find(long postId, string publicBase) =>
        _cards.TryGetValue(postId, out var card)
        && card.PostVersion == _posts.Current(postId)
        && card.AuthorVersion == _authors.Current(card.Post.AuthorId)
        && card.PublicBase == publicBase
            ? card
            : null;

    /// <summary>Read before reading the post grain: the version a card rendered from that read carries.</summary>
    public int PostVersion(long postId) => _posts.Current(postId);

    /// <summary>Read before reading the author's profile: the version a card rendered from that read carries.</summary>
    public int AuthorVersion(long userId) => _authors.Current(userId);

    public void Keep(PostCard card)
    {
        if (card.PostVersion != _posts.Current(card.Post.PostId))
        {
            return; // rendered before a change: it would never be used, and could push out a current card
        }

        _cards[card.Post.PostId] = card;
        if (Interlocked.Increment(ref _addsSinceSizeCheck) % SizeCheckInterval == 0)
        {
            TrimIfFull();
        }
    }

    public void PostChanged(long postId)
    {
        _posts.Advance(postId);
        _cards.TryRemove(postId, out _); // a deleted post's card would otherwise stay until trimmed
    }

    public void UserChanged(long userId) => _authors.Advance(userId);

    /// <summary>
    /// Over capacity, drops cards down to nine tenths of it, in the dictionary's order: effectively at random,
    /// which needs no bookkeeping on the read path. Hot posts come back on their next read.
    /// </summary>
    private void TrimIfFull()
    {
        var capacity = options.Value.Capacity;
        if (_cards.Count <= capacity || !_trimming.TryEnter())
        {
            return;
        }

        try
        {
            var excess = _cards.Count - (capacity - (capacity / 10));
            foreach (var postId in _cards.Keys)
            {
                if (excess-- <= 0)
                {
                    break;
                }

                _cards.TryRemove(postId, out _);
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }
}
