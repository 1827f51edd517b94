namespace Instagram.ApiFrontend.RateLimits;

/// <summary>Endpoint metadata: the endpoint counts against <paramref name="Action"/>'s limit (so a test can see that every write does).</summary>
public sealed record RateLimitedEndpoint(RateLimitAction Action);
