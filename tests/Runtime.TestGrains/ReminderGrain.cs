namespace Runtime.TestGrains;

/// <summary>Registers a durable reminder and reports its ticks to the probe.</summary>
public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task StopAsync(string reminderName);

    Task<IReadOnlyList<string>> GetReminderNamesAsync();
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain
{
    public Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task StopAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> GetReminderNamesAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"tick:{IdentityString}:{reminderName}");
        return Task.CompletedTask;
    }
}
