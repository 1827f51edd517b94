namespace TestSupport;

/// <summary>A fresh directory for one test (so tests never share files or databases), deleted afterwards.</summary>
public sealed class TestDirectory : IDisposable
{
    public TestDirectory(string purpose = "tests")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instagram-" + purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
