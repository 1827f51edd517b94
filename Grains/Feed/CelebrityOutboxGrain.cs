using System.Collections.Immutable;

namespace Instagram.Grains.Feed;

/// <summary>
/// A celebrity's recent posts, held in memory for the many timelines that pull them on every read. Loaded
/// from the posts table on activation (the table is the truth, so nothing needs storing here).
/// </summary>
[GrainType("celebrity-outbox")]
public sealed class CelebrityOutboxGrain(IFeedStore feeds, FeedSettings settings) : Grain, ICelebrityOutboxGrain
{
    private ImmutableArray<FeedEntry> _recent = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _recent = await feeds.RecentPostsAsync(this.GetPrimaryKeyLong(), settings.TimelineCapacity, cancellationToken);

    public Task AddAsync(FeedEntry entry)
    {
        if (!_recent.Any(e => e.PostId == entry.PostId))
        {
            _recent = [.. _recent.Append(entry).OrderByDescending(e => e.PostId).Take(settings.TimelineCapacity)];
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<FeedEntry>> GetBeforeAsync(long before, int limit) =>
        Task.FromResult(_recent.Where(e => e.PostId < before).Take(limit).ToImmutableArray());
}
