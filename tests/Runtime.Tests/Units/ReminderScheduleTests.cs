using Runtime.Reminders;
using Xunit;

namespace Runtime.Tests.Units;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReminderEntry Hourly = new(GrainId.Create("story", "s1"), "expire", Start, TimeSpan.FromHours(1), "1");

    [Fact]
    public void Before_the_start_the_next_tick_is_the_start() =>
        Assert.Equal(Start, ReminderSchedule.NextTickAfter(Hourly, Start.AddMinutes(-5)));

    [Fact]
    public void Ticks_stay_on_the_period_grid() =>
        Assert.Equal(Start.AddHours(3), ReminderSchedule.NextTickAfter(Hourly, Start.AddHours(2).AddMinutes(59)));

    [Fact]
    public void A_tick_exactly_now_is_not_the_next_one() =>
        Assert.Equal(Start.AddHours(2), ReminderSchedule.NextTickAfter(Hourly, Start.AddHours(1)));

    [Fact]
    public void A_tick_due_after_the_service_last_ran_is_delivered_at_start()
    {
        var now = Start.AddHours(5).AddMinutes(10);

        Assert.Equal(now, ReminderSchedule.FirstTickAfterStart(Hourly, now, lastAlive: Start.AddHours(4).AddMinutes(30)));
    }

    [Fact]
    public void Without_a_missed_tick_the_reminder_waits_for_its_grid()
    {
        var now = Start.AddHours(5).AddMinutes(10);

        Assert.Equal(Start.AddHours(6), ReminderSchedule.FirstTickAfterStart(Hourly, now, lastAlive: Start.AddHours(5).AddMinutes(1)));
    }

    [Fact]
    public void Without_a_heartbeat_a_past_due_reminder_ticks_at_start()
    {
        var now = Start.AddMinutes(10);

        Assert.Equal(now, ReminderSchedule.FirstTickAfterStart(Hourly, now, lastAlive: null));
        Assert.Equal(Start, ReminderSchedule.FirstTickAfterStart(Hourly, Start.AddMinutes(-1), lastAlive: null));
    }
}
