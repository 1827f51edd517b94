namespace Instagram.Silo.Hosting;

/// <summary>
/// Rows of one area whose work a crash may have left unfinished — media still processing, posts still to
/// publish or to hand to the fan-out — found by the grains that own them. Read once when a silo starts
/// (<see cref="PendingWorkRecovery"/>): the rows alone say what is unfinished, even where no reminder does
/// (a database carried over from the retired runtime, whose reminders did not carry over).
/// </summary>
public interface IUnfinishedWork
{
    Task<IReadOnlyList<GrainId>> FindAsync(IGrainFactory grains, CancellationToken cancellationToken);
}
