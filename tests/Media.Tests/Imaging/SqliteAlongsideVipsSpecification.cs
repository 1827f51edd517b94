namespace Media.Tests.Imaging;

/// <summary>
/// libvips's openslide module loads the system's libsqlite3 into the silo's process. The product's SQLite
/// (e_sqlite3) must keep calling its own functions: when it bound them lazily, its first WAL auto-checkpoint
/// after libvips started ran the system library's code on its structures and the process died (SIGSEGV).
/// </summary>
public sealed class SqliteAlongsideVipsSpecification
{
    [Fact]
    public async Task SQLite_checkpoints_its_WAL_after_libvips_loaded_the_system_SQLite()
    {
        using var data = new TestDirectory("sqlite-vips");
        await using var host = DotnetProcess.Start("Silo.CrashHost.dll", ["sqlite-after-vips"], new Dictionary<string, string> { ["INSTAGRAM_DATA_DIR"] = data.Path });

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromMinutes(2));

        var output = string.Join('\n', host.Lines);
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.Contains("system sqlite loaded: yes", host.Lines); // else this proves nothing on this machine
        Assert.Contains("checkpointed", host.Lines);
    }
}
