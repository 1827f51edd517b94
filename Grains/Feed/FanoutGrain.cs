using System.Collections.Immutable;
using Runtime.Streams;

namespace Instagram.Grains.Feed;

/// <summary>Delivers an author's published posts to followers' feeds (keyed by author ID).</summary>
public interface IFanoutGrain : IGrainWithIntegerKey;

/// <summary>
/// The hybrid fan-out. A post arrives as a durable stream event (enqueued with the post's publication);
/// an author below the celebrity threshold pushes it to every follower's timeline in batches, one at or
/// above it only adds it to their outbox, which followers pull on read. The event is acknowledged after
/// the last batch, so a crash mid-fan-out redelivers it and the fan-out runs again — harmless, because
/// timelines ignore entries they have. An author who drops below the threshold first pushes their recent
/// posts (made while pulled, and no longer pulled now) so followers' feeds stay whole.
/// </summary>
[ImplicitStreamSubscription(FanoutStream.Namespace)]
public sealed class FanoutGrain(
    [PersistentState("fanout")] IPersistentState<FanoutState> fanout,
    IFeedStore feeds,
    FeedSettings settings) : Grain, IFanoutGrain, IAsyncObserver<PostPublished>
{
    private const int Batch = 1000;
    private const int RepushedPosts = 20;

    private long AuthorId => this.GetPrimaryKeyLong();

    public async Task OnNextAsync(PostPublished item, StreamSequenceToken token)
    {
        var entry = new FeedEntry(item.PostId, item.AuthorId);
        var pull = await feeds.FollowerCountAsync(AuthorId, CancellationToken.None) >= settings.CelebrityThreshold;
        if (pull)
        {
            await GrainFactory.GetGrain<ICelebrityOutboxGrain>(AuthorId).AddAsync(entry);
        }
        else
        {
            var entries = fanout.State.LastPulled
                ? (await feeds.RecentPostsAsync(AuthorId, RepushedPosts, CancellationToken.None)).Add(entry)
                : [entry];
            await PushAsync(entries);
        }

        // The author's own feed shows their posts whichever way followers get them.
        await GrainFactory.GetGrain<ITimelineGrain>(AuthorId).AddAsync([entry]);

        if (fanout.State.LastPulled != pull || !fanout.RecordExists)
        {
            fanout.State.LastPulled = pull;
            await fanout.WriteStateAsync();
        }
    }

    private async Task PushAsync(ImmutableArray<FeedEntry> entries)
    {
        var after = long.MinValue;
        while (true)
        {
            var followers = await feeds.FollowerIdsAsync(AuthorId, after, Batch, CancellationToken.None);
            if (followers.IsEmpty)
            {
                return;
            }

            await Task.WhenAll(followers.Select(id => GrainFactory.GetGrain<ITimelineGrain>(id).AddAsync(entries)));
            after = followers[^1];
        }
    }
}
