namespace Instagram.ApiFrontend.Idempotency;

/// <summary>
/// Stands in for the response body while an idempotent create runs: keeps what the endpoint writes, up to a
/// limit, so it can be recorded for replay before the client sees any of it (a client retrying the moment
/// it has its answer must find the answer recorded). Past the limit the answer is too large to record: what
/// was kept is sent and the rest streams straight through.
/// </summary>
public sealed class RecordingResponseBody(Stream response, int limit) : Stream
{
    private readonly MemoryStream _kept = new();

    /// <summary>Whether the answer outgrew the limit (and so is already on its way, unrecorded).</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The answer's bytes, if it stayed within the limit.</summary>
    public byte[] Recorded => Overflowed ? throw new InvalidOperationException("The response was too large to record.") : _kept.ToArray();

    /// <summary>Sends what was kept back to the client.</summary>
    public async Task SendKeptAsync(CancellationToken cancellationToken)
    {
        if (_kept.Length > 0)
        {
            await response.WriteAsync(_kept.GetBuffer().AsMemory(0, (int)_kept.Length), cancellationToken);
            _kept.SetLength(0);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Overflowed && _kept.Length + buffer.Length <= limit)
        {
            _kept.Write(buffer.Span);
            return;
        }

        Overflowed = true;
        await SendKeptAsync(cancellationToken);
        await response.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("Synchronous writes to the response are not allowed.");

    // Kept bytes are not the client's yet; only a pass-through answer is flushed.
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Overflowed ? response.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
