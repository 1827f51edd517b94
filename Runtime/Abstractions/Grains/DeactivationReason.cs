namespace Runtime;

public enum DeactivationReasonCode
{
    None,
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,
    /// <summary>Idle longer than the collection age.</summary>
    ActivationIdle,
    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
    /// <summary>Activation failed; the activation never became usable.</summary>
    ActivationFailed,
}

public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
