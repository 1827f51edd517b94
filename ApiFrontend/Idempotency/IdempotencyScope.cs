namespace Instagram.ApiFrontend.Idempotency;

/// <summary>The endpoint a key belongs to: its method and route pattern. The same key on two endpoints is two keys.</summary>
public sealed record IdempotencyScope(string Method, string RoutePattern)
{
    public string Name => $"{Method} {RoutePattern}";
}
