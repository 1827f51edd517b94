using System.Collections.Concurrent;

namespace Silo.Tests.TestGrains;

/// <summary>Registers a reminder and notes each tick it receives.</summary>
[Alias("test.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithGuidKey
{
    /// <summary>Registers (or re-arms) the reminder <paramref name="name"/>, first due after one <paramref name="period"/>.</summary>
    [Alias("Start")]
    Task StartAsync(string name, TimeSpan period);
}

[GrainType("test-reminder-probe")]
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <summary>Names of the reminders ticked, by grain key, in order (the test and the silo share a process).</summary>
    public static readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> Ticks = new();

    public Task StartAsync(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        TicksOf(this.GetPrimaryKey()).Enqueue(reminderName);
        return Task.CompletedTask;
    }

    public static ConcurrentQueue<string> TicksOf(Guid key) => Ticks.GetOrAdd(key, _ => new ConcurrentQueue<string>());
}
