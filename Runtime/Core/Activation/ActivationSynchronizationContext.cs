namespace Runtime.Activation;

/// <summary>
/// Installed while an activation runs, so that every <c>await</c> in grain code resumes inside the same
/// activation, one turn at a time, never in parallel with its other work. (<c>ConfigureAwait(false)</c>
/// and <c>Task.Run</c> leave the activation; grain code must not use them for work that touches state.)
/// </summary>
internal sealed class ActivationSynchronizationContext(ActivationData activation) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => activation.EnqueueContinuation(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!activation.IsCurrent)
        {
            throw new NotSupportedException("Synchronously sending work into a grain activation would block a thread; await instead.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
