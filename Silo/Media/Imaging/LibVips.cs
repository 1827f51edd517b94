using System.Runtime.InteropServices;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// The slice of libvips 8.14's C API the image processor uses, nothing more. Optional arguments of the
/// variadic functions are passed as fixed-arity overloads of name/value pairs ending with a null pointer:
/// on x86-64 System V, integer and pointer arguments travel the same way to a variadic callee as to a
/// fixed one. Never pass doubles this way (variadic doubles go through vector registers counted in AL).
/// Callers go through <see cref="VipsRuntime"/> first, which initialises the library once.
/// </summary>
internal static partial class LibVips
{
    private const string Vips = "libvips.so.42";
    private const string GLib = "libglib-2.0.so.0";
    private const string GObject = "libgobject-2.0.so.0";

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_init(string argv0);

    [LibraryImport(Vips)]
    internal static partial void vips_block_untrusted_set(int state);

    [LibraryImport(Vips)]
    internal static partial void vips_cache_set_max(int max);

    [LibraryImport(Vips)]
    internal static partial void vips_concurrency_set(int concurrency);

    [LibraryImport(Vips)]
    internal static partial nint vips_error_buffer_copy();

    [LibraryImport(Vips)]
    internal static partial nuint vips_tracked_get_mem_highwater();

    [LibraryImport(Vips)]
    internal static partial nuint vips_tracked_get_mem();

    // --- loading and inspecting ---

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint vips_image_new_from_file(string name, string option, int value, nint terminator);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_width(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_height(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_bands(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_format(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_interpretation(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_get_page_height(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_image_hasalpha(VipsImageHandle image);

    /// <summary>The GType of a metadata field, 0 when the image has no such field.</summary>
    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nuint vips_image_get_typeof(VipsImageHandle image, string name);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_image_get_int(VipsImageHandle image, string name, out int value);

    /// <summary>The string stays owned by the image: copy it before the image goes.</summary>
    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_image_get_string(VipsImageHandle image, string name, out nint value);

    // --- resizing and converting ---

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_thumbnail(
        string filename, out nint result, int width,
        string heightName, int height, string sizeName, int size, string failOnName, int failOn, nint terminator);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_thumbnail(
        string filename, out nint result, int width,
        string heightName, int height, string sizeName, int size, string failOnName, int failOn,
        string profileName, string profile, nint terminator);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_thumbnail_image(
        VipsImageHandle input, out nint result, int width,
        string heightName, int height, string sizeName, int size, string cropName, int crop, nint terminator);

    [LibraryImport(Vips)]
    internal static partial nint vips_image_copy_memory(VipsImageHandle image);

    [LibraryImport(Vips)]
    internal static partial int vips_colourspace(VipsImageHandle input, out nint result, int space, nint terminator);

    [LibraryImport(Vips)]
    internal static partial int vips_cast(VipsImageHandle input, out nint result, int format, nint terminator);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_flatten(VipsImageHandle input, out nint result, string backgroundName, nint background, nint terminator);

    [LibraryImport(Vips)]
    internal static unsafe partial nint vips_array_double_new(double* values, int count);

    [LibraryImport(Vips)]
    internal static partial void vips_area_unref(nint area);

    // --- writing ---

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int vips_webpsave_buffer(
        VipsImageHandle input, out nint buffer, out nuint length,
        string qualityName, int quality, string stripName, int strip, nint terminator);

    [LibraryImport(Vips)]
    internal static partial nint vips_image_write_to_memory(VipsImageHandle input, out nuint length);

    // --- GLib memory and object lifetime ---

    [LibraryImport(GLib)]
    internal static partial void g_free(nint memory);

    [LibraryImport(GObject)]
    internal static partial void g_object_unref(nint gobject);
}
