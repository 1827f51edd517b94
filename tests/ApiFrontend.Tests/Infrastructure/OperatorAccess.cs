using System.Net.Http.Headers;
using System.Text;

namespace ApiFrontend.Tests.Infrastructure;

/// <summary>The operator credential tests configure, and the header that presents it.</summary>
public static class OperatorAccess
{
    public const string Password = "operators only";

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Operator:Password"] = Password };

    public static AuthenticationHeaderValue Header => Basic("operator", Password);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>A client of <paramref name="api"/> presenting the operator credential.</summary>
    public static HttpClient CreateOperatorClient(this EmbeddedApi api)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = Header;
        return client;
    }
}
