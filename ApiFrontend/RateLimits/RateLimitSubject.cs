using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Instagram.ApiFrontend.Hosting;

namespace Instagram.ApiFrontend.RateLimits;

/// <summary>The one spelling of who a limit applies to: part of the rate limit grain's key.</summary>
public static class RateLimitSubject
{
    /// <summary>An authenticated user, by ID.</summary>
    public static string User(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An account named in a login attempt (username or email), case-insensitively, whether or not it exists:
    /// guessing at a name that does not exist is limited just like guessing a password.
    /// </summary>
    public static string Account(string login) => "account:" + login.Trim().ToLowerInvariant();

    /// <summary>
    /// A client address. IPv6 clients are limited per /64, the block one subscriber is usually given: per
    /// address, anyone could rotate through 2^64 of them. Without an address (an in-memory test server, a
    /// Unix socket) all such clients share one subject, so the limit still holds, if coarsely.
    /// </summary>
    /// <remarks>
    /// Behind a reverse proxy the connection's address is the proxy's: configure forwarded headers for the
    /// trusted proxies first, or every client shares the proxy's limit.
    /// </remarks>
    public static string Address(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"ip:{new IPAddress(bytes)}/64";
    }

    /// <summary>Who is asking: the authenticated user, else the client's address.</summary>
    public static string Of(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? User(http.User.UserId()) : Address(http.Connection.RemoteIpAddress);
}
