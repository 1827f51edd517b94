using Microsoft.Extensions.Options;

namespace Runtime.Hosting;

/// <summary>Rejects nonsensical settings at start-up instead of misbehaving later.</summary>
internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        RequirePositive(options.ResponseTimeout, nameof(options.ResponseTimeout), failures);
        RequirePositive(options.CollectionAge, nameof(options.CollectionAge), failures);
        RequirePositive(options.CollectionQuantum, nameof(options.CollectionQuantum), failures);
        RequirePositive(options.ActivationTimeout, nameof(options.ActivationTimeout), failures);
        RequirePositive(options.DeactivationTimeout, nameof(options.DeactivationTimeout), failures);
        RequirePositive(options.ShutdownTimeout, nameof(options.ShutdownTimeout), failures);
        if (options.TurnQuantum < 1)
        {
            failures.Add($"{nameof(options.TurnQuantum)} must be at least 1, was {options.TurnQuantum}.");
        }

        if (options.CollectionQuantum > options.CollectionAge)
        {
            failures.Add($"{nameof(options.CollectionQuantum)} ({options.CollectionQuantum}) must not exceed {nameof(options.CollectionAge)} ({options.CollectionAge}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive, was {value}.");
        }
    }
}
