using System.Runtime.InteropServices;

namespace Instagram.Silo.Media.Imaging;

/// <summary>
/// Owns one reference to a <c>VipsImage</c>. A SafeHandle rather than a raw pointer so an exception between
/// two libvips calls, or a finaliser, still drops the reference (a leaked image can pin a decoded photo).
/// </summary>
internal sealed class VipsImageHandle : SafeHandle
{
    public VipsImageHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Takes ownership of a reference a libvips call returned; throws the libvips error if it is null.</summary>
    public static VipsImageHandle Own(nint image, string operation)
    {
        if (image == nint.Zero)
        {
            throw VipsException.FromErrorBuffer(operation);
        }

        var owned = new VipsImageHandle();
        owned.SetHandle(image);
        return owned;
    }

    /// <summary>Takes the output of a libvips operation that returns 0 on success.</summary>
    public static VipsImageHandle Own(int status, nint image, string operation)
    {
        if (status != 0)
        {
            if (image != nint.Zero)
            {
                LibVips.g_object_unref(image);
            }

            throw VipsException.FromErrorBuffer(operation);
        }

        return Own(image, operation);
    }

    protected override bool ReleaseHandle()
    {
        LibVips.g_object_unref(handle);
        return true;
    }
}
