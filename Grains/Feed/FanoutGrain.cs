using System.Collections.Immutable;
using System.Diagnostics;
using Instagram.Grains.DurableWork;
using Microsoft.Extensions.Logging;

namespace Instagram.Grains.Feed;

/// <summary>
/// The hybrid fan-out. A published post is queued here in the grain's stored state (the post grain hands
/// it over once its publication is stored, and retries until this returns). Posts are then delivered one
/// per turn, oldest first: an author below the celebrity threshold pushes the post to every follower's
/// timeline in batches; one at or above it only adds it to their outbox, which followers pull on read.
/// A post leaves the queue only after every push returned, and every timeline stores a push before
/// returning, so a crash mid-delivery repeats the delivery (a reminder kept while the queue is not empty
/// brings the grain back) — harmless, because timelines ignore entries they hold. An author who drops
/// below the threshold first pushes their recent posts (made while pulled) so followers' feeds stay whole.
/// </summary>
/// <remarks>
/// Failures are of two kinds. When the post cannot be delivered at all (the database or the author's own
/// timeline does not answer) it is retried, backing off to a minute, for as long as it takes: an outage
/// must not lose posts, and the author's later posts wait behind it. When only some followers' timelines
/// refuse the push, only those are retried, and after <see cref="TimelineRounds"/> rounds the post moves
/// on without them (logged and counted): one broken timeline must not hold up a whole author.
/// </remarks>
[GrainType("fanout")]
public sealed partial class FanoutGrain(
    [PersistentState("fanout")] IPersistentState<FanoutState> fanout,
    IFeedStore feeds,
    FeedSettings settings,
    PendingWorkReminder reminder,
    FanoutMetrics metrics,
    ILogger<FanoutGrain> logger) : Grain, IFanoutGrain, IRemindable
{
    private const string DeliveryReminder = "delivery";
    private const int Batch = 1000;
    private const int RepushedPosts = 20;
    private const int TimelineRounds = 5;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private IGrainTimer? _nextDelivery;
    private int _outages;
    private HeadDelivery? _head;

    private long AuthorId => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (fanout.State.Pending.Count > 0)
        {
            ScheduleDelivery(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(FeedEntry post)
    {
        if (fanout.State.Pending.Contains(post))
        {
            return; // queued already: the post grain repeating a hand-over whose answer it missed
        }

        // Armed before the queue is stored, as every piece of pending work is.
        await reminder.EnsureAsync(this, DeliveryReminder);
        fanout.State.Pending.Add(post);
        await this.DeactivateOnFailureAsync(() => fanout.WriteStateAsync());
        _nextDelivery ??= ScheduleDelivery(TimeSpan.Zero);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (fanout.State.Pending.Count == 0)
        {
            await reminder.ClearAsync(this, DeliveryReminder);
        }
        else
        {
            _nextDelivery ??= ScheduleDelivery(TimeSpan.Zero);
        }
    }

    private IGrainTimer ScheduleDelivery(TimeSpan delay)
    {
        _nextDelivery?.Dispose();
        return _nextDelivery = this.RegisterGrainTimer(DeliverNextAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>One round for the head post per turn, so queueing calls are answered between rounds.</summary>
    private async Task DeliverNextAsync(CancellationToken cancellationToken)
    {
        _nextDelivery?.Dispose();
        _nextDelivery = null;
        if (fanout.State.Pending is not [var post, ..])
        {
            await reminder.ClearAsync(this, DeliveryReminder);
            return;
        }

        TimeSpan next;
        try
        {
            next = await DeliverRoundAsync(post) ? TimeSpan.Zero : Backoff(_head!.Rounds);
            _outages = 0;
        }
        catch (Exception exception)
        {
            // The post cannot be delivered at all (a database or a silo away): try again, backing off; the queue keeps its order.
            next = Backoff(++_outages);
            LogDeliveryFailed(logger, exception, post.PostId, AuthorId, next);
        }

        if (fanout.State.Pending.Count > 0)
        {
            ScheduleDelivery(next);
        }
        else
        {
            await reminder.ClearAsync(this, DeliveryReminder);
        }
    }

    /// <summary>Pushes the head post to the timelines it has not reached yet; true once it has left the queue.</summary>
    private async Task<bool> DeliverRoundAsync(FeedEntry post)
    {
        var head = _head ??= await StartAsync(post);
        if (head.Rounds > 0)
        {
            var unreached = await PushAsync(head.Entries, head.Unreached);
            head.Pushes += head.Unreached.Count - unreached.Count;
            head.Unreached = unreached;
        }

        head.Rounds++;
        if (head.Unreached.Count > 0 && head.Rounds < TimelineRounds)
        {
            return false;
        }

        if (head.Unreached.Count > 0)
        {
            LogTimelinesUnreached(logger, head.Unreached.Count, post.PostId, AuthorId, TimelineRounds);
            metrics.Unreached(head.Unreached.Count);
        }

        fanout.State.Pending.RemoveAt(0);
        fanout.State.LastPulled = head.Pulled;
        await this.DeactivateOnFailureAsync(() => fanout.WriteStateAsync());
        metrics.Delivered(head.Pulled, head.Pushes, Stopwatch.GetElapsedTime(head.Started));
        _head = null;
        return true;
    }

    /// <summary>The first push: pull or push, then the author's own feed, which shows their posts whichever way followers get them.</summary>
    private async Task<HeadDelivery> StartAsync(FeedEntry post)
    {
        var head = new HeadDelivery([post], Stopwatch.GetTimestamp())
        {
            Pulled = await feeds.FollowerCountAsync(AuthorId, CancellationToken.None) >= settings.CelebrityThreshold,
        };
        if (head.Pulled)
        {
            await GrainFactory.GetGrain<ICelebrityOutboxGrain>(AuthorId).AddAsync(post);
        }
        else
        {
            if (fanout.State.LastPulled)
            {
                head = new HeadDelivery((await feeds.RecentPostsAsync(AuthorId, RepushedPosts, CancellationToken.None)).Add(post), head.Started);
            }

            var after = long.MinValue;
            ImmutableArray<long> followers;
            while (!(followers = await feeds.FollowerIdsAsync(AuthorId, after, Batch, CancellationToken.None)).IsEmpty)
            {
                var missed = await PushAsync(head.Entries, followers);
                head.Unreached.AddRange(missed);
                head.Pushes += followers.Length - missed.Count;
                after = followers[^1];
            }
        }

        await GrainFactory.GetGrain<ITimelineGrain>(AuthorId).AddAsync([post]);
        return head;
    }

    /// <summary>Pushes to the given timelines at once (a batch at most); returns those that did not take it.</summary>
    private async Task<List<long>> PushAsync(ImmutableArray<FeedEntry> entries, IReadOnlyList<long> timelines)
    {
        var reached = await Task.WhenAll(timelines.Select(async id =>
        {
            try
            {
                await GrainFactory.GetGrain<ITimelineGrain>(id).AddAsync(entries);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }));
        return [.. timelines.Where((_, i) => !reached[i])];
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Clamp(failures - 1, 0, 16)));

    /// <summary>The head post's delivery in progress, in memory: a new activation starts it over, which timelines make harmless.</summary>
    private sealed class HeadDelivery(ImmutableArray<FeedEntry> entries, long started)
    {
        public ImmutableArray<FeedEntry> Entries { get; } = entries;

        public long Started { get; } = started;

        public bool Pulled { get; init; }

        public List<long> Unreached { get; set; } = [];

        public long Pushes { get; set; }

        public int Rounds { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering post {PostId} of author {AuthorId} failed; retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long postId, long authorId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} timelines refused post {PostId} of author {AuthorId} {Rounds} times; delivered to the others, moving on")]
    private static partial void LogTimelinesUnreached(ILogger logger, int count, long postId, long authorId, int rounds);
}
