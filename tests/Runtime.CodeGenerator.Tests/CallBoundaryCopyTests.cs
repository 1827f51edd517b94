using Xunit;

namespace Runtime.CodeGenerator.Tests;

/// <summary>The generator decides at compile time which values cross a call by reference and which are copied.</summary>
public sealed class CallBoundaryCopyTests
{
    private const string Messages = """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Threading.Tasks;
        using Runtime;

        public sealed record Greeting(string Text, int Count, System.Guid Id);
        public sealed record Envelope(Greeting Inner, ImmutableArray<string> Tags, IPeerGrain Peer);
        public record OpenRecord(string Text);
        public sealed record SettableRecord { public string Text { get; set; } = ""; }
        public sealed class Wrapper { public readonly List<string> Items = new(); }
        public readonly record struct Point(int X, int Y);
        [Immutable] public sealed class Declared { public string Text = ""; }

        public interface IPeerGrain : IGrainWithStringKey { Task PingAsync(); }

        public interface ISampleGrain : IGrainWithStringKey
        {
            Task<Greeting> SealedRecordAsync(Greeting value);
            Task<Envelope> NestedImmutablesAsync(Envelope value);
            Task<Point> StructAsync(Point value);
            Task<Declared> DeclaredImmutableAsync(Declared value);
            Task<OpenRecord> UnsealedRecordAsync(OpenRecord value);
            Task<SettableRecord> SettableRecordAsync(SettableRecord value);
            Task<Wrapper> MutableFieldAsync(Wrapper value);
            Task<List<string>> ListAsync(List<string> value);
            Task<int[]> ArrayAsync(int[] value);
        }
        """;

    private static readonly GeneratorRun Run = GeneratorHarness.Run(Messages);

    [Fact]
    public void The_generated_code_compiles() => Assert.Empty(Run.CompilationErrors);

    [Theory]
    [InlineData("ISampleGrain_SealedRecordAsync_0Request")]
    [InlineData("ISampleGrain_NestedImmutablesAsync_1Request")]
    [InlineData("ISampleGrain_StructAsync_2Request")]
    [InlineData("ISampleGrain_DeclaredImmutableAsync_3Request")]
    public void Provably_immutable_values_are_passed_by_reference(string request)
    {
        var source = Run.RequestSource(request);

        Assert.DoesNotContain("CopyArguments", source);
        Assert.DoesNotContain("CopyResult", source);
    }

    [Theory]
    [InlineData("ISampleGrain_UnsealedRecordAsync_4Request")]
    [InlineData("ISampleGrain_SettableRecordAsync_5Request")]
    [InlineData("ISampleGrain_MutableFieldAsync_6Request")]
    [InlineData("ISampleGrain_ListAsync_7Request")]
    [InlineData("ISampleGrain_ArrayAsync_8Request")]
    public void Anything_else_is_copied_both_ways(string request)
    {
        var source = Run.RequestSource(request);

        Assert.Contains("Arg0 = copier.Copy(Arg0);", source);
        Assert.Contains("CopyResult", source);
    }
}
