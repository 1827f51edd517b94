using Xunit;

namespace Runtime.CodeGenerator.Tests;

public sealed class GrainTypeNameTests
{
    [Fact]
    public void Grain_types_come_from_interface_names_unless_named_explicitly()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Runtime;
            public interface IUserGrain : IGrainWithStringKey { Task Ping(); }
            public interface ICelebrityOutboxGrain : IGrainWithIntegerKey { Task Ping(); }
            [GrainType("dm")] public interface IConversationGrain : IGrainWithGuidKey { Task Ping(); }
            """);

        Assert.Contains("\"user\"", run.Manifest);
        Assert.Contains("\"celebrityoutbox\"", run.Manifest);
        Assert.Contains("\"dm\"", run.Manifest);
        Assert.Empty(run.CompilationErrors);
    }
}
