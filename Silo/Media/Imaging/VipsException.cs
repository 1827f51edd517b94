using System.Runtime.InteropServices;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// A libvips call failed. Carries libvips's own message: it says which loader refused what, which is what
/// someone reading a failed job's log needs.
/// </summary>
internal sealed class VipsException(string operation, string detail)
    : Exception($"libvips {operation} failed: {detail}")
{
    public string Detail { get; } = detail;

    /// <summary>
    /// Takes (and clears) libvips's error buffer. The buffer is process-wide, so with several images in flight
    /// it may also hold another job's messages; copy-and-clear in one call at least never loses or repeats them.
    /// </summary>
    public static VipsException FromErrorBuffer(string operation)
    {
        var buffer = LibVips.vips_error_buffer_copy();
        try
        {
            var detail = buffer == nint.Zero ? "" : Marshal.PtrToStringUTF8(buffer) ?? "";
            return new VipsException(operation, detail.Trim().Length == 0 ? "no detail" : detail.Trim());
        }
        finally
        {
            LibVips.g_free(buffer);
        }
    }
}
