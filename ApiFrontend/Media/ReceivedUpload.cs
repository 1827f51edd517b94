using Instagram.Silo.Media.Inspection;

namespace Instagram.ApiFrontend.Media;

/// <summary>Uploaded bytes spooled to a scratch file, with what their first bytes say they are. Disposing deletes the file.</summary>
public sealed class ReceivedUpload(string path, long length, SniffedFormat format) : IDisposable
{
    public string Path { get; } = path;

    public long Length { get; } = length;

    public SniffedFormat Format { get; } = format;

    public void Dispose() => File.Delete(Path);
}
