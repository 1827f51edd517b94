using Instagram.Grains.RateLimits;

namespace Grains.Tests.RateLimits;

public sealed class SlidingWindowTests
{
    private static readonly RateLimitPolicy ThreePerHour = new(3, TimeSpan.FromHours(1));

    private readonly ManualClock _clock = new();
    private readonly SlidingWindow _window;

    public SlidingWindowTests()
    {
        _window = new SlidingWindow(_clock);
    }

    [Fact]
    public void Grants_up_to_the_limit_within_a_window_then_refuses()
    {
        var decisions = Enumerable.Range(0, 4).Select(_ => _window.TryAcquire(ThreePerHour)).ToList();

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal([2, 1, 0, 0], decisions.Select(d => d.Remaining));
        Assert.All(decisions, d => Assert.Equal(3, d.Limit));
    }

    [Fact]
    public void A_refunded_action_stops_counting_and_its_ticket_works_once()
    {
        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _window.TryAcquire(ThreePerHour);

        _window.Refund(second.Ticket);
        _window.Refund(second.Ticket); // a repeated refund must not free a second slot
        _window.Refund(ticket: 12345); // nor one that was never issued

        Assert.True(_window.TryAcquire(ThreePerHour).Allowed);
        Assert.False(_window.TryAcquire(ThreePerHour).Allowed);
    }

    [Fact]
    public void A_refusal_says_to_retry_when_the_oldest_action_leaves_the_window()
    {
        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(10));
        _window.TryAcquire(ThreePerHour);
        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var refused = _window.TryAcquire(ThreePerHour);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(45), refused.RetryAfter);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(45), refused.ResetAt);
    }

    [Fact]
    public void An_action_stops_counting_exactly_one_window_after_it_happened()
    {
        Fill(ThreePerHour);

        _clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        Assert.False(_window.TryAcquire(ThreePerHour).Allowed);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(_window.TryAcquire(ThreePerHour).Allowed);
    }

    [Fact]
    public void The_window_slides_so_a_burst_across_any_boundary_stays_within_the_limit()
    {
        // Two actions late in one hour, then, just after the hour: a fixed window would grant three more.
        var twoPerHour = new RateLimitPolicy(2, TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromMinutes(50));
        Fill(twoPerHour);
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.False(_window.TryAcquire(twoPerHour).Allowed);

        // Each slot frees exactly when its own action is an hour old.
        _clock.Advance(TimeSpan.FromMinutes(45));
        Assert.True(_window.TryAcquire(twoPerHour).Allowed);
        Assert.True(_window.TryAcquire(twoPerHour).Allowed);
        Assert.False(_window.TryAcquire(twoPerHour).Allowed);
    }

    [Fact]
    public void Refused_attempts_do_not_count_so_hammering_does_not_extend_the_wait()
    {
        Fill(ThreePerHour);
        for (var minute = 0; minute < 59; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.False(_window.TryAcquire(ThreePerHour).Allowed);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));

        var decision = _window.TryAcquire(ThreePerHour);
        Assert.True(decision.Allowed);
        Assert.Equal(2, decision.Remaining);
    }

    [Fact]
    public void A_grant_reports_when_the_next_slot_frees_up()
    {
        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var decision = _window.TryAcquire(ThreePerHour);

        Assert.Null(decision.RetryAfter);
        Assert.Equal(1, decision.Remaining);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(40), decision.ResetAt);
    }

    [Fact]
    public void A_lowered_limit_applies_at_the_next_attempt()
    {
        Fill(ThreePerHour);
        _clock.Advance(TimeSpan.FromHours(1));
        _window.TryAcquire(ThreePerHour);
        _window.TryAcquire(ThreePerHour);

        var decision = _window.TryAcquire(ThreePerHour with { Limit = 2 });

        Assert.False(decision.Allowed);
        Assert.Equal(0, decision.Remaining);
    }

    [Fact]
    public void The_log_must_be_kept_until_its_newest_action_leaves_the_window()
    {
        Assert.Equal(TimeSpan.Zero, _window.TimeUntilEmpty(ThreePerHour.Window));

        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(30));
        _window.TryAcquire(ThreePerHour);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(50), _window.TimeUntilEmpty(ThreePerHour.Window));
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(TimeSpan.Zero, _window.TimeUntilEmpty(ThreePerHour.Window));
    }

    [Fact]
    public void A_fresh_log_after_the_window_is_exactly_equivalent_to_the_old_one()
    {
        // What makes collecting an idle rate limit grain safe once TimeUntilEmpty is zero.
        Fill(ThreePerHour);
        _clock.Advance(_window.TimeUntilEmpty(ThreePerHour.Window));
        var fresh = new SlidingWindow(_clock);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Equal(fresh.TryAcquire(ThreePerHour), _window.TryAcquire(ThreePerHour));
        }
    }

    [Fact]
    public void Wall_clock_steps_do_not_move_the_window()
    {
        var clock = new SteppingClock();
        var window = new SlidingWindow(clock);
        Fill(window, ThreePerHour);

        clock.StepWallClock(TimeSpan.FromDays(1));

        Assert.False(window.TryAcquire(ThreePerHour).Allowed);
    }

    private void Fill(RateLimitPolicy policy) => Fill(_window, policy);

    private static void Fill(SlidingWindow window, RateLimitPolicy policy)
    {
        for (var i = 0; i < policy.Limit; i++)
        {
            Assert.True(window.TryAcquire(policy).Allowed);
        }
    }

    /// <summary>A system clock set forward by NTP or an operator: wall-clock time jumps, monotonic time does not.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private TimeSpan _step;

        public void StepWallClock(TimeSpan by) => _step += by;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero) + _step;

        public override long GetTimestamp() => 0;
    }
}
