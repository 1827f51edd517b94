namespace Instagram.Silo.Operations;

/// <summary>
/// The credential that opens the operator pages, the Orleans dashboard and the Prometheus metrics
/// (configuration section <c>Operator</c>). Without a password those pages are not served at all.
/// </summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    /// <summary>User name of the HTTP Basic credential. Default <c>operator</c>.</summary>
    public string Username { get; set; } = "operator";

    /// <summary>The shortest password accepted: the pages answer any number of guesses.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Password of the HTTP Basic credential, at least 12 characters. Default: none, and the operator pages are off.</summary>
    public string? Password { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Password);
}
