namespace Runtime.TestGrains;

public interface IActivationTimerGrain : IGrainWithStringKey
{
    Task<int> GetTicksAsync();
}

/// <summary>Starts a timer in OnActivateAsync whose first tick falls due before activation has finished.</summary>
public sealed class ActivationTimerGrain : Grain, IActivationTimerGrain
{
    private int _ticks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RegisterGrainTimer(_ => { _ticks++; return Task.CompletedTask; }, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        await Task.Delay(200, cancellationToken);
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);
}
