using System.Runtime.InteropServices;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// Makes directory entries durable. A rename is only durable once the directory holding it has been
/// fsynced, and a new directory only once its parent has: without this, an acknowledged write can vanish
/// in a power loss even though the file's own bytes reached the disk.
///
/// .NET offers no way to fsync a directory (<c>File.OpenHandle</c> refuses directories), so on Linux
/// this calls libc's <c>open</c>, <c>fsync</c> and <c>close</c> directly. Elsewhere it does nothing:
/// Windows cannot open directories for flushing (NTFS journals its metadata), and the product runs on
/// Linux.
/// </summary>
internal static partial class DirectorySync
{
    // O_RDONLY is 0; O_CLOEXEC is 02000000 on every Linux architecture .NET runs on (x64, arm64, arm).
    private const int OpenReadOnlyCloseOnExec = 0x80000;

    /// <summary>Fsyncs <paramref name="directory"/> and every directory above it up to and including <paramref name="root"/>.</summary>
    /// <remarks>
    /// The whole chain, every time: a concurrent writer may have created a directory on the way and not
    /// yet synced its parent, and syncing an unchanged directory costs next to nothing.
    /// </remarks>
    public static void FlushChain(string root, string directory)
    {
        var current = directory;
        while (true)
        {
            Flush(current);
            if (string.Equals(current, root, StringComparison.Ordinal))
            {
                return;
            }

            current = Path.GetDirectoryName(current)
                ?? throw new InvalidOperationException($"'{directory}' is not inside '{root}'.");
        }
    }

    /// <summary>Fsyncs one directory, so that entries created, renamed or removed in it are on disk.</summary>
    /// <exception cref="IOException">The directory cannot be opened or synced.</exception>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var descriptor = Open(directory, OpenReadOnlyCloseOnExec);
        if (descriptor < 0)
        {
            throw Failure("open", directory);
        }

        try
        {
            if (FSync(descriptor) != 0)
            {
                throw Failure("fsync", directory);
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static IOException Failure(string call, string directory)
    {
        var error = Marshal.GetLastPInvokeError();
        return new IOException($"{call} of directory '{directory}' failed: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
