using System.Collections.Immutable;
using Instagram.Grains.DurableWork;
using Instagram.Grains.Paging;

namespace Instagram.Grains.Feed;

/// <summary>
/// A user's home feed. Pushed entries are kept newest first, capped at the timeline capacity, and stored
/// before a push is acknowledged: the fan-out's event is acknowledged only when every push returned, so a
/// crash at any point loses no entry (a timeline without a stored record rebuilds itself from the follow
/// graph instead, and stores the rebuild with its next change). Reads merge them with the outboxes of
/// followed celebrities, deduplicate (an author who crossed the threshold may appear in both) and page by
/// post ID. Entries of an author the owner stopped following (or who is blocked either way) are removed
/// and refused afterwards, so the timeline only ever holds posts its owner may see, and reads need no
/// visibility check.
/// </summary>
[GrainType("timeline")]
public sealed class TimelineGrain(
    [PersistentState("timeline")] IPersistentState<TimelineState> timeline,
    IFeedStore feeds,
    FeedSettings settings,
    TimeProvider clock) : Grain, ITimelineGrain
{
    private static readonly TimeSpan CelebrityListLifetime = TimeSpan.FromSeconds(2);
    private const int BackfillPosts = 20;

    /// <summary>How long a removed author's late pushes are refused: far longer than a fan-out batch is in flight.</summary>
    private static readonly TimeSpan RemovedAuthorMemory = TimeSpan.FromHours(1);

    private bool _dirty;
    private ImmutableArray<long> _celebrities = [];
    private DateTimeOffset _celebritiesReadAt = DateTimeOffset.MinValue;

    private long UserId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!timeline.RecordExists)
        {
            // Not marked dirty: the next change stores the rebuild with it. A rebuild can be made again, and storing
            // it here would turn every cold read into a write (a million when a celebrity's followers come online).
            Merge(await feeds.RecentPostsOfFolloweesAsync(UserId, settings.TimelineCapacity, cancellationToken));
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteAsync();

    public Task AddAsync(ImmutableArray<FeedEntry> entries)
    {
        _dirty |= Merge(entries.Where(e => !IsRemoved(e.AuthorId)));
        return WriteAsync();
    }

    public async Task BackfillAsync(long authorId)
    {
        if (timeline.State.RemovedAuthors.Remove(authorId))
        {
            _dirty = true;
        }

        _dirty |= Merge(await feeds.RecentPostsAsync(authorId, BackfillPosts, CancellationToken.None));
        _celebritiesReadAt = DateTimeOffset.MinValue; // the new followee may be a celebrity
        await WriteAsync();
    }

    public Task RemoveAuthorAsync(long authorId)
    {
        timeline.State.Entries.RemoveAll(e => e.AuthorId == authorId);
        timeline.State.RemovedAuthors[authorId] = clock.GetUtcNow();
        _dirty = true;
        _celebritiesReadAt = DateTimeOffset.MinValue;
        return WriteAsync();
    }

    public async Task<Page<FeedEntry>> GetPageAsync(PageCursor? after, int limit)
    {
        var before = after?.Id ?? long.MaxValue;

        // Copied before the first await: pushes interleave with this read and change the list.
        var own = timeline.State.Entries.Where(e => e.PostId < before).Take(limit + 1).ToList();
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

    /// <summary>Adds entries not already present, keeping newest first and at most the capacity; true if any was added.</summary>
    private bool Merge(IEnumerable<FeedEntry> entries)
    {
        var changed = false;
        var list = timeline.State.Entries;
        foreach (var entry in entries)
        {
            var at = list.BinarySearch(entry, NewestFirst.Instance);
            if (at >= 0 || ~at >= settings.TimelineCapacity)
            {
                continue; // there already, or older than everything a full timeline keeps
            }

            list.Insert(~at, entry);
            if (list.Count > settings.TimelineCapacity)
            {
                list.RemoveAt(list.Count - 1);
            }

            changed = true;
        }

        return changed;
    }

    private bool IsRemoved(long authorId) =>
        timeline.State.RemovedAuthors.TryGetValue(authorId, out var at) && clock.GetUtcNow() - at < RemovedAuthorMemory;

    /// <summary>Followed celebrities, re-read every two seconds: feed reads far outnumber changes, and the seeds allow a few seconds of delay.</summary>
    private async Task<ImmutableArray<long>> CelebritiesAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _celebritiesReadAt > CelebrityListLifetime)
        {
            _celebrities = await feeds.FollowedCelebritiesAsync(UserId, settings.CelebrityThreshold, CancellationToken.None);
            _celebritiesReadAt = now;
        }

        return _celebrities;
    }

    /// <summary>Stores the timeline if it changed. Clean only once stored: a push whose write failed is written by its retry.</summary>
    private async Task WriteAsync()
    {
        if (!_dirty)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (authorId, at) in timeline.State.RemovedAuthors)
        {
            if (now - at >= RemovedAuthorMemory)
            {
                timeline.State.RemovedAuthors.Remove(authorId);
            }
        }

        await this.DeactivateOnFailureAsync(() => timeline.WriteStateAsync());
        _dirty = false;
    }

    /// <summary>Orders entries by post ID, highest (newest) first: the order the list is kept in.</summary>
    private sealed class NewestFirst : IComparer<FeedEntry>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(FeedEntry? x, FeedEntry? y) => (y?.PostId ?? 0).CompareTo(x?.PostId ?? 0);
    }
}
