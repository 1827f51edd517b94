namespace Instagram.ApiFrontend.Idempotency;

/// <summary>
/// The request body as the endpoint reads it, with every byte also fed to the fingerprint. Knows whether the
/// body was read to its end: only then is the fingerprint the whole request's.
/// </summary>
public sealed class FingerprintingRequestBody(Stream inner, RequestFingerprintBuilder fingerprint) : Stream
{
    /// <summary>Whether a read has reached the end of the body.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Reads (and fingerprints) whatever the endpoint left unread, discarding it.</summary>
    public async Task ReadToEndAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Observe(buffer.AsSpan(offset, read), count);
        return read;
    }

    // A read of nothing into room for something is the end of the body; a read into no room is not.
    private void Observe(ReadOnlySpan<byte> read, int requested)
    {
        if (read.IsEmpty)
        {
            ReachedEnd |= requested > 0;
        }
        else
        {
            fingerprint.Append(read);
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
