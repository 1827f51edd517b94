using System.Runtime.InteropServices;

namespace Instagram.Silo.Storage.Sqlite;

/// <summary>
/// Loads SQLite's native library (SQLitePCLRaw's e_sqlite3) with every symbol bound at once, before
/// anything else can load a SQLite.
/// </summary>
/// <remarks>
/// e_sqlite3 calls its own exported functions through its procedure linkage table, bound on first call by
/// looking in the process's global symbol scope first. When another library with the same symbols joins
/// that scope later — Debian's libsqlite3, which libvips's openslide module brings in — every call not made
/// yet goes to it instead: the first WAL checkpoint after media processing started then ran Debian's code on
/// e_sqlite3's structures and the process died with SIGSEGV. Loading e_sqlite3 with RTLD_NOW first binds all
/// its calls to itself, as LD_BIND_NOW=1 would. The storage calls this before its first connection and the
/// media pipeline before libvips starts; the first call does the work and the others wait for it.
/// </remarks>
public static partial class SqliteNativeLibrary
{
    private const int RtldNow = 2;
    private static readonly Lazy<bool> Loaded = new(Load);

    /// <summary>Whether e_sqlite3 is loaded with its symbols bound (false: not on Linux, or not found beside the app).</summary>
    public static bool LoadWithSymbolsBound() => Loaded.Value;

    private static bool Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // Where SQLitePCLRaw's bundle puts it: under runtimes/ in a build, beside the app when published for one platform.
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", $"linux-{architecture}", "native", "libe_sqlite3.so"),
            Path.Combine(AppContext.BaseDirectory, "libe_sqlite3.so"),
        ];
        if (candidates.FirstOrDefault(File.Exists) is not { } path)
        {
            return false;
        }

        try
        {
            // The handle is never closed: SQLitePCLRaw's own load of the same file returns this library.
            return DlOpen(path, RtldNow) != 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // no glibc dlopen (musl, say): SQLite works as before, without this protection
        }
    }

    // libdl.so.2 exports dlopen on every glibc: a stub forwarding to libc since 2.34, the implementation before.
    [LibraryImport("libdl.so.2", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string path, int flags);
}
