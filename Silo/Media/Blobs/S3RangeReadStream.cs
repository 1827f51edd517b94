using Amazon.S3;
using Amazon.S3.Model;

namespace Instagram.Silo.Media.Blobs;

/// <summary>
/// A read-only, seekable view of one S3 object whose bytes are fetched with ranged GETs on demand.
/// HTTP range requests are answered by seeking then reading, so seeking must be free: it only moves
/// <see cref="Position"/>. The first read after a seek opens a GET from there to the end of the object
/// and later reads continue on that response; a seek elsewhere abandons it. Every GET demands the ETag
/// seen when the stream was opened, so bytes of two different versions are never spliced together.
///
/// Only asynchronous reads are supported: opening a GET is network I/O, and ASP.NET (like every caller
/// here) reads asynchronously.
/// </summary>
internal sealed class S3RangeReadStream : Stream
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string _eTag;
    private readonly long _length;
    private long _position;
    private GetObjectResponse? _response;
    private long _responsePosition;
    private bool _disposed;

    public S3RangeReadStream(IAmazonS3 client, string bucket, string key, long length, string eTag)
    {
        _client = client;
        _bucket = bucket;
        _key = key;
        _length = length;
        _eTag = eTag;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _length;
        }
    }

    public override long Position
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _position;
        }
        set
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.Length == 0 || _position >= _length)
        {
            return 0;
        }

        if (_response is null || _responsePosition != _position)
        {
            await OpenAtPositionAsync(cancellationToken);
        }

        var wanted = (int)Math.Min(buffer.Length, _length - _position);
        var read = await _response!.ResponseStream.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"S3 object '{_key}' ended at byte {_position} of {_length}.");
        }

        _position += read;
        _responsePosition = _position;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("S3 blob streams are read asynchronously only (ReadAsync, CopyToAsync).");

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            CloseResponse();
        }

        base.Dispose(disposing);
    }

    private async Task OpenAtPositionAsync(CancellationToken cancellationToken)
    {
        CloseResponse();
        _response = await _client.GetObjectAsync(
            new GetObjectRequest
            {
                BucketName = _bucket,
                Key = _key,
                ByteRange = new ByteRange(_position, _length - 1),
                EtagToMatch = _eTag,
            },
            cancellationToken);
        _responsePosition = _position;
    }

    // Abandoning a response mid-body closes its connection rather than downloading the rest.
    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
