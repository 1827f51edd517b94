using Xunit;

namespace Runtime.CodeGenerator.Tests;

/// <summary>What the generator refuses, with an error at compile time rather than a surprise at run time.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("GRT001", "public interface IBad : IGrainWithStringKey { int Sync(); }")]
    [InlineData("GRT002", "public interface IBad : IGrainWithStringKey { [OneWay] Task<int> Fire(); }")]
    [InlineData("GRT003", "public interface IBad : IGrainWithStringKey { Task Generic<T>(T value); }")]
    [InlineData("GRT004", "public interface IBad : IGrainWithStringKey { Task Cancellable(CancellationToken token); }")]
    [InlineData("GRT004", "public interface IBad : IGrainWithStringKey { Task Out(out int value); }")]
    [InlineData("GRT005", "public interface IBad : IGrainWithStringKey { int Count { get; } }")]
    [InlineData("GRT008", "public sealed class Orphan : Grain { }")]
    [InlineData("GRT007", "public interface IOk : IGrainWithStringKey { } public sealed class Bad([PersistentState(\"s\")] string state) : Grain, IOk { }")]
    [InlineData("GRT007", "public sealed class NoDefault(int x) { } public interface IOk : IGrainWithStringKey { } public sealed class Bad([PersistentState(\"s\")] IPersistentState<NoDefault> state) : Grain, IOk { }")]
    [InlineData("GRT009", "public interface IOk : IGrainWithStringKey { } [Runtime.Streams.ImplicitStreamSubscription(\"ns\")] public sealed class Deaf : Grain, IOk { }")]
    public void Unsupported_grain_code_is_reported(string diagnosticId, string declaration)
    {
        var run = GeneratorHarness.Run($"using System.Threading; using System.Threading.Tasks; using Runtime;\n{declaration}");

        Assert.Contains(diagnosticId, run.GeneratorDiagnosticIds);
    }

    [Fact]
    public void Valid_grain_code_gets_no_diagnostics()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Runtime;
            using Runtime.Streams;
            public sealed class State { public int Value { get; set; } }
            public interface IFine : IGrainWithGuidKey { [ReadOnly] ValueTask<int> Get(); [OneWay] Task Poke(); [AlwaysInterleave] ValueTask Noop(); }
            [ImplicitStreamSubscription("events")]
            public sealed class Fine([PersistentState("state")] IPersistentState<State> state) : Grain, IFine, IAsyncObserver<string>
            {
                public ValueTask<int> Get() => new(state.State.Value);
                public Task Poke() => Task.CompletedTask;
                public ValueTask Noop() => default;
                public Task OnNextAsync(string item, StreamSequenceToken token) => Task.CompletedTask;
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }
}
