using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace Instagram.Grains.DurableWork;

/// <summary>
/// The durable half of work a grain finishes in the background (a media job, a fan-out, a post waiting to
/// publish). The work itself is recorded in the grain's own state, in the same write as the change that
/// calls for it; this reminder, registered before that write and kept until the work is done, brings the
/// grain back to finish it wherever it lives after a crash: on a restarted silo, or on a survivor when its
/// silo died. The grain resumes the work on activation too, so a tick mostly finds it done.
/// </summary>
/// <remarks>
/// Ticks come every <see cref="ReminderOptions.MinimumReminderPeriod"/> (Orleans' default 1 min): the
/// longest a crashed job waits to resume on a survivor. A starting silo ticks every such reminder at once
/// (their names say they are pending work), so a restarted node resumes without waiting.
/// </remarks>
public sealed class PendingWorkReminder(IOptions<ReminderOptions> options)
{
    private const string Prefix = "work:";

    public TimeSpan Period { get; } = options.Value.MinimumReminderPeriod;

    /// <summary>Whether a reminder is one of these (its name was given by <see cref="EnsureAsync"/>).</summary>
    public static bool IsPendingWork(string reminderName) => reminderName.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Registers (or re-arms) the grain's reminder for the work <paramref name="work"/>: one durable write.</summary>
    public Task EnsureAsync(Grain grain, string work) => grain.RegisterOrUpdateReminder(Prefix + work, Period, Period);

    /// <summary>The work is done: its reminder goes, if it is there.</summary>
    public async Task ClearAsync(Grain grain, string work)
    {
        if (await grain.GetReminder(Prefix + work) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
