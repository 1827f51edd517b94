namespace Runtime.Hosting;

/// <summary>
/// Tunables of the silo, with Orleans' defaults. Validated at start-up by <see cref="SiloOptionsValidator"/>.
/// </summary>
public sealed class SiloOptions
{
    /// <summary>How long a caller waits for a response before the call fails with <see cref="TimeoutException"/>. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is deactivated. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for reading state and running <c>OnActivateAsync</c>. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for <c>OnDeactivateAsync</c>. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Work items an activation runs before giving its thread to other activations. Default 64.
    /// Larger batches amortise scheduling; smaller ones are fairer.
    /// </summary>
    public int TurnQuantum { get; set; } = 64;

    /// <summary>
    /// Serialize every request and response in-process, exactly as they would cross the network. Off by
    /// default (in-process calls pass immutable values by reference and deep-copy the rest); tests turn it
    /// on to prove that every message survives the wire.
    /// </summary>
    public bool SerializeMessagesInProcess { get; set; }

    /// <summary>How long silo shutdown waits for activations to deactivate. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
