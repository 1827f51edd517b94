namespace Media.Benchmarks;

/// <summary>A scratch directory for the generated photo and vipsthumbnail's outputs, removed at the end.</summary>
internal sealed class BenchmarkWorkspace : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instagram-media-bench", Guid.NewGuid().ToString("N"));

    public BenchmarkWorkspace() => Directory.CreateDirectory(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
