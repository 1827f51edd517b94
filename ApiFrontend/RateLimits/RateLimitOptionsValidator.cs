using Microsoft.Extensions.Options;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>Stops start-up on a limit that makes no sense, naming the setting.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var action in Enum.GetValues<RateLimitAction>())
        {
            var rule = options.RuleFor(action);
            var setting = $"{RateLimitOptions.SectionName}:{action}";
            if (rule.Limit is < 1 or > RateLimitRule.MaxLimit)
            {
                failures.Add($"{setting}:Limit is {rule.Limit}; it must be from 1 to {RateLimitRule.MaxLimit}.");
            }

            if (rule.Window <= TimeSpan.Zero || rule.Window > RateLimitRule.MaxWindow)
            {
                failures.Add($"{setting}:Window is {rule.Window}; it must be more than zero and at most {RateLimitRule.MaxWindow}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
