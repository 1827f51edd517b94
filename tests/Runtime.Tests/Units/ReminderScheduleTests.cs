using Runtime.Reminders;
using Xunit;

namespace Runtime.Tests.Units;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReminderEntry Hourly = new(GrainId.Create("story", "s1"), "expire", Start, TimeSpan.FromHours(1), "1");

    [Fact]
    public void Before_the_start_the_next_tick_is_the_start() =>
        Assert.Equal(Start, ReminderService.NextTickAfter(Hourly, Start.AddMinutes(-5)));

    [Fact]
    public void Ticks_stay_on_the_period_grid() =>
        Assert.Equal(Start.AddHours(3), ReminderService.NextTickAfter(Hourly, Start.AddHours(2).AddMinutes(59)));

    [Fact]
    public void A_tick_exactly_now_is_not_the_next_one() =>
        Assert.Equal(Start.AddHours(2), ReminderService.NextTickAfter(Hourly, Start.AddHours(1)));
}
