using Instagram.Silo.Media.Video;

namespace Media.Tests.Video;

public sealed class ToolProcessTests
{
    private static readonly TimeSpan Ample = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Returns_exit_code_output_and_the_tail_of_stderr()
    {
        var run = await ToolProcess.RunAsync("sh", ["-c", "echo out; echo complaint >&2; exit 3"], Ample, CancellationToken.None);

        Assert.Equal(new ToolRun(3, "out\n", false, "complaint\n"), run);
    }

    [Fact]
    public async Task Arguments_reach_the_tool_verbatim_without_a_shell()
    {
        var run = await ToolProcess.RunAsync("printf", ["%s|", "a b", "$HOME", "; rm -rf /", "'q'"], Ample, CancellationToken.None);

        Assert.Equal("a b|$HOME|; rm -rf /|'q'|", run.StandardOutput);
    }

    [Fact]
    public async Task Floods_on_both_pipes_neither_deadlock_nor_fill_memory()
    {
        // Far beyond a pipe's 64 KiB on each stream: the child blocks forever unless both are drained while it runs.
        var script = "head -c 3000000 /dev/zero | tr '\\0' o; head -c 3000000 /dev/zero | tr '\\0' e >&2; echo end >&2";

        var run = await ToolProcess.RunAsync("sh", ["-c", script], Ample, CancellationToken.None, maxOutputChars: 1000);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.StandardOutputOverflowed);
        Assert.Equal(new string('o', 1000), run.StandardOutput);
        Assert.Equal(ToolProcess.StandardErrorTailChars, run.StandardErrorTail.Length);
        Assert.EndsWith("eeeend\n", run.StandardErrorTail);
    }

    [Fact]
    public async Task Tool_that_reads_stdin_sees_its_end_instead_of_waiting()
    {
        var run = await ToolProcess.RunAsync("cat", [], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal((0, ""), (run.ExitCode, run.StandardOutput));
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        using var directory = new TestDirectory("tool-process");
        var pidFile = Path.Combine(directory.Path, "child.pid");

        var failure = await Assert.ThrowsAsync<VideoToolException>(() => ToolProcess.RunAsync(
            "sh", ["-c", "sleep 60 & echo $! > \"$0\"; echo waiting >&2; wait", pidFile], TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Contains("did not finish within", failure.Message);
        Assert.Contains("waiting", failure.Message);
        await AssertGoneAsync(int.Parse(await File.ReadAllTextAsync(pidFile)));
    }

    [Fact]
    public async Task Cancellation_kills_the_whole_process_tree()
    {
        using var directory = new TestDirectory("tool-process");
        var pidFile = Path.Combine(directory.Path, "child.pid");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToolProcess.RunAsync(
            "sh", ["-c", "sleep 60 & echo $! > \"$0\"; wait", pidFile], Ample, cancellation.Token));

        await AssertGoneAsync(int.Parse(await File.ReadAllTextAsync(pidFile)));
    }

    [Fact]
    public async Task Missing_executable_is_a_tool_failure()
    {
        var failure = await Assert.ThrowsAsync<VideoToolException>(
            () => ToolProcess.RunAsync("/nonexistent/ffmpeg", [], Ample, CancellationToken.None));

        Assert.Contains("/nonexistent/ffmpeg", failure.Message);
    }

    /// <summary>Dead, or a zombie waiting for init to reap it: either way it no longer runs.</summary>
    private static Task AssertGoneAsync(int pid) =>
        Eventually.TrueAsync(
            () => !File.Exists($"/proc/{pid}/status") || File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ"),
            $"the grandchild {pid} (sleep) was killed with its parent",
            TimeSpan.FromSeconds(5));
}
