namespace Media.Tests.Blobs;

/// <summary>Blob contents for tests: random, so that any misplaced byte shows, but repeatable per seed.</summary>
internal static class BlobBytes
{
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
