using System.Buffers.Binary;
using System.Buffers.Text;

namespace Instagram.Grains.Paging;

/// <summary>
/// The one pagination cursor codec: a position (a time and a tie-breaking ID, both 64-bit) as an opaque
/// URL-safe string. Lists ordered by (time, ID) descending resume strictly after the position, so items
/// added meanwhile at the head never shift later pages.
/// </summary>
[GenerateSerializer, Immutable, Alias("ig.PageCursor")]
public readonly record struct PageCursor(long Time, long Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Time);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Id);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a cursor a client sent back; false for anything that is not one we made.</summary>
    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[16];

        // Validated before decoding: TryDecodeFromChars throws, rather than answering false, on some malformed input.
        if (string.IsNullOrEmpty(text) || text.Length > 32 || !Base64Url.IsValid(text, out var length) || length != 16
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != 16)
        {
            return false;
        }

        cursor = new PageCursor(BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
        return true;
    }
}

/// <summary>One page of a list and where the next one starts (null at the end).</summary>
[GenerateSerializer, Immutable, Alias("ig.Page`1")]
public sealed record Page<T>(System.Collections.Immutable.ImmutableArray<T> Items, PageCursor? Next);
