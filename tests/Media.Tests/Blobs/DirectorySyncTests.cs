using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

public sealed class DirectorySyncTests
{
    [Fact]
    public void A_directory_chain_up_to_the_root_can_be_synced()
    {
        using var directory = new TestDirectory("blobs");
        var leaf = Path.Combine(directory.Path, "a", "b");
        Directory.CreateDirectory(leaf);

        DirectorySync.FlushChain(directory.Path, leaf);
    }

    // Proves the libc calls really run: a missing directory is reported, not ignored. Linux only, like
    // the syncing itself (our machines and servers are Linux).
    [Fact]
    public void Syncing_a_missing_directory_fails_with_the_reason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var directory = new TestDirectory("blobs");

        var failure = Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(directory.Path, "missing")));

        Assert.Contains("No such file or directory", failure.Message);
    }
}
