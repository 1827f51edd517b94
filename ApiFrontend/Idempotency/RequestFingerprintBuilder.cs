using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Instagram.Grains.Idempotency;
using Microsoft.Net.Http.Headers;

namespace Instagram.ApiFrontend.Idempotency;

/// <summary>
/// SHA-256 over what makes two requests "the same create": method, path (with its IDs), media type and body bytes,
/// fed incrementally as the body streams past, so no body is ever held in memory whatever its size.
/// </summary>
/// <remarks>
/// A multipart body is framed by a boundary the client picks at random for every attempt (HttpClient, OkHttp
/// and browsers all do), so the same upload retried differs in its boundary lines. The boundary token is
/// therefore left out of the hash wherever it occurs: two bodies match when they differ in their boundary only.
/// </remarks>
public sealed class RequestFingerprintBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _boundary;
    private readonly byte[] _heldBack;
    private int _heldBackLength;
    private long _bodyLength;

    public RequestFingerprintBuilder(string method, string path, string? contentType)
    {
        var mediaType = string.Empty;
        var boundary = string.Empty;
        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            mediaType = parsed.MediaType.Value?.ToLowerInvariant() ?? string.Empty;
            boundary = HeaderUtilities.RemoveQuotes(parsed.Boundary).Value ?? string.Empty;
        }

        _boundary = Encoding.ASCII.GetBytes(boundary);
        _heldBack = new byte[Math.Max(0, _boundary.Length - 1)];

        // The head ends with a NUL, which none of its parts can hold, so no body can pass for another head.
        _hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{mediaType}\n\0"));
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _bodyLength += data.Length;
        if (_boundary.Length == 0)
        {
            _hash.AppendData(data);
            return;
        }

        // What was held back from the last read, then this read: a boundary may straddle the two.
        var rented = ArrayPool<byte>.Shared.Rent(_heldBackLength + data.Length);
        try
        {
            var window = rented.AsSpan(0, _heldBackLength + data.Length);
            _heldBack.AsSpan(0, _heldBackLength).CopyTo(window);
            data.CopyTo(window[_heldBackLength..]);

            var start = 0;
            int found;
            while ((found = window[start..].IndexOf(_boundary)) >= 0)
            {
                _hash.AppendData(window.Slice(start, found));
                start += found + _boundary.Length;
            }

            // The last bytes could be the beginning of a boundary that the next read completes: hash them later.
            var hold = Math.Min(_heldBack.Length, window.Length - start);
            _hash.AppendData(window.Slice(start, window.Length - start - hold));
            window[^hold..].CopyTo(_heldBack);
            _heldBackLength = hold;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The fingerprint of everything appended. Call once, after the body's last byte.</summary>
    public RequestFingerprint Finish()
    {
        _hash.AppendData(_heldBack.AsSpan(0, _heldBackLength));
        _heldBackLength = 0;
        return new RequestFingerprint(Convert.ToHexStringLower(_hash.GetHashAndReset()), _bodyLength);
    }

    public void Dispose() => _hash.Dispose();
}
