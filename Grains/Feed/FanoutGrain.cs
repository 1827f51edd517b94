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
/// A post leaves the queue only after its last batch returned, and every timeline stores a push before
/// returning, so a crash mid-delivery repeats the delivery (a reminder kept while the queue is not empty
/// brings the grain back) — harmless, because timelines ignore entries they hold. An author who drops
/// below the threshold first pushes their recent posts (made while pulled) so followers' feeds stay whole.
/// </summary>
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
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private IGrainTimer? _nextDelivery;
    private int _failures;

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
        if (!fanout.State.Pending.Contains(post))
        {
            fanout.State.Pending.Add(post);
            await this.DeactivateOnFailureAsync(() => fanout.WriteStateAsync());
        }

        await reminder.EnsureAsync(this, DeliveryReminder);
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

    /// <summary>One post per turn, so queueing calls are answered between deliveries.</summary>
    private async Task DeliverNextAsync(CancellationToken cancellationToken)
    {
        _nextDelivery?.Dispose();
        _nextDelivery = null;
        if (fanout.State.Pending is not [var post, ..])
        {
            await reminder.ClearAsync(this, DeliveryReminder);
            return;
        }

        try
        {
            await DeliverAsync(post);
            fanout.State.Pending.RemoveAt(0);
            await this.DeactivateOnFailureAsync(() => fanout.WriteStateAsync());
            _failures = 0;
        }
        catch (Exception exception)
        {
            // Transient (a database or a silo away): try again, backing off; the queue keeps its order.
            _failures++;
            var delay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(_failures - 1, 16)));
            LogDeliveryFailed(logger, exception, post.PostId, AuthorId, delay);
            ScheduleDelivery(delay);
            return;
        }

        if (fanout.State.Pending.Count > 0)
        {
            ScheduleDelivery(TimeSpan.Zero);
        }
        else
        {
            await reminder.ClearAsync(this, DeliveryReminder);
        }
    }

    private async Task DeliverAsync(FeedEntry post)
    {
        var started = Stopwatch.GetTimestamp();
        var pull = await feeds.FollowerCountAsync(AuthorId, CancellationToken.None) >= settings.CelebrityThreshold;
        long pushes = 0;
        if (pull)
        {
            await GrainFactory.GetGrain<ICelebrityOutboxGrain>(AuthorId).AddAsync(post);
        }
        else
        {
            var entries = fanout.State.LastPulled
                ? (await feeds.RecentPostsAsync(AuthorId, RepushedPosts, CancellationToken.None)).Add(post)
                : [post];
            pushes = await PushAsync(entries);
        }

        // The author's own feed shows their posts whichever way followers get them.
        await GrainFactory.GetGrain<ITimelineGrain>(AuthorId).AddAsync([post]);
        fanout.State.LastPulled = pull;
        metrics.Delivered(pull, pushes, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Pushes to every follower's timeline, a batch at a time; returns how many timelines.</summary>
    private async Task<long> PushAsync(ImmutableArray<FeedEntry> entries)
    {
        var after = long.MinValue;
        long pushed = 0;
        while (true)
        {
            var followers = await feeds.FollowerIdsAsync(AuthorId, after, Batch, CancellationToken.None);
            if (followers.IsEmpty)
            {
                return pushed;
            }

            await Task.WhenAll(followers.Select(id => GrainFactory.GetGrain<ITimelineGrain>(id).AddAsync(entries)));
            pushed += followers.Length;
            after = followers[^1];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering post {PostId} of author {AuthorId} failed; retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long postId, long authorId, TimeSpan delay);
}
