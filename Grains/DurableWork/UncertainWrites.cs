namespace Instagram.Grains.DurableWork;

/// <summary>
/// A write that failed may still have committed (a connection lost at commit), leaving the activation's
/// version behind the stored one, and its state in memory moved on regardless. Rather than fail every
/// later write on a stale version, the activation goes once the current call ends: the next call starts
/// from what is really stored.
/// </summary>
public static class UncertainWrites
{
    public static async Task DeactivateOnFailureAsync(this IGrainBase grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }

    public static async Task<T> DeactivateOnFailureAsync<T>(this IGrainBase grain, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
