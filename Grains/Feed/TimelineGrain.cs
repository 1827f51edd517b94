using System.Collections.Immutable;
using Instagram.Grains.Paging;

namespace Instagram.Grains.Feed;

/// <summary>
/// A user's home feed. Pushed entries are kept newest first, capped at the timeline capacity, and written
/// back in the background (a lost write costs nothing: a timeline without a stored record rebuilds itself
/// from the follow graph). Reads merge them with the outboxes of followed celebrities, deduplicate (an
/// author who crossed the threshold may appear in both) and page by post ID.
/// </summary>
public sealed class TimelineGrain(
    [PersistentState("timeline")] IPersistentState<TimelineState> timeline,
    IFeedStore feeds,
    FeedSettings settings) : Grain, ITimelineGrain
{
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CelebrityListLifetime = TimeSpan.FromSeconds(2);
    private const int BackfillPosts = 20;

    private bool _dirty;
    private ImmutableArray<long> _celebrities = [];
    private DateTimeOffset _celebritiesReadAt = DateTimeOffset.MinValue;

    private long UserId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!timeline.RecordExists)
        {
            Merge(await feeds.RecentPostsOfFolloweesAsync(UserId, settings.TimelineCapacity, cancellationToken));
            _dirty = true;
        }

        RegisterGrainTimer(_ => WriteAsync(), WriteBehind, WriteBehind);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteAsync();

    public Task AddAsync(ImmutableArray<FeedEntry> entries)
    {
        Merge(entries);
        return Task.CompletedTask;
    }

    public async Task BackfillAsync(long authorId)
    {
        Merge(await feeds.RecentPostsAsync(authorId, BackfillPosts, CancellationToken.None));
        _celebritiesReadAt = DateTimeOffset.MinValue; // the new followee may be a celebrity
    }

    public Task RemoveAuthorAsync(long authorId)
    {
        if (timeline.State.Entries.RemoveAll(e => e.AuthorId == authorId) > 0)
        {
            _dirty = true;
        }

        _celebritiesReadAt = DateTimeOffset.MinValue;
        return Task.CompletedTask;
    }

    public async Task<Page<FeedEntry>> GetPageAsync(PageCursor? after, int limit)
    {
        var before = after?.Id ?? long.MaxValue;
        var own = timeline.State.Entries.Where(e => e.PostId < before).Take(limit + 1);
        var pulled = await Task.WhenAll((await CelebritiesAsync()).Select(id => GrainFactory.GetGrain<ICelebrityOutboxGrain>(id).GetBeforeAsync(before, limit + 1)));
        var merged = own.Concat(pulled.SelectMany(p => p))
            .DistinctBy(e => e.PostId)
            .OrderByDescending(e => e.PostId)
            .Take(limit + 1)
            .ToList();
        var more = merged.Count > limit;
        var items = merged.Take(limit).ToImmutableArray();
        return new Page<FeedEntry>(items, more ? new PageCursor(items[^1].PostId, items[^1].PostId) : null);
    }

    /// <summary>Adds entries not already present, keeping newest first and at most the capacity.</summary>
    private void Merge(IEnumerable<FeedEntry> entries)
    {
        var list = timeline.State.Entries;
        var known = list.Select(e => e.PostId).ToHashSet();
        var added = false;
        foreach (var entry in entries)
        {
            if (known.Add(entry.PostId))
            {
                list.Add(entry);
                added = true;
            }
        }

        if (!added)
        {
            return;
        }

        list.Sort((a, b) => b.PostId.CompareTo(a.PostId));
        if (list.Count > settings.TimelineCapacity)
        {
            list.RemoveRange(settings.TimelineCapacity, list.Count - settings.TimelineCapacity);
        }

        _dirty = true;
    }

    /// <summary>Followed celebrities, re-read every two seconds: feed reads far outnumber changes, and the seeds allow a few seconds of delay.</summary>
    private async Task<ImmutableArray<long>> CelebritiesAsync()
    {
        var now = TimeProvider.GetUtcNow();
        if (now - _celebritiesReadAt > CelebrityListLifetime)
        {
            _celebrities = await feeds.FollowedCelebritiesAsync(UserId, settings.CelebrityThreshold, CancellationToken.None);
            _celebritiesReadAt = now;
        }

        return _celebrities;
    }

    private async Task WriteAsync()
    {
        if (_dirty)
        {
            _dirty = false;
            await timeline.WriteStateAsync();
        }
    }
}
