using System.Net;
using ApiFrontend.Tests.Infrastructure;
using Xunit;

namespace ApiFrontend.Tests.Specifications;

/// <summary>The built program, started as an operator starts it, not through the test host.</summary>
public sealed class EmbeddedProcessSpecification
{
    [Fact]
    public async Task Built_frontend_serves_on_ASPNETCORE_URLS_and_keeps_its_database_in_INSTAGRAM_DATA_DIR()
    {
        using var dataDirectory = new TestDirectory("apifrontend-tests");
        await using var frontend = ApiFrontendProcess.Start(dataDirectory.Path);

        await frontend.WaitUntilLiveAsync();

        using var ready = await frontend.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(dataDirectory.Path, "instagram.db")), "the SQLite database is created in INSTAGRAM_DATA_DIR");
    }
}
