namespace Runtime;

/// <summary>
/// FNV-1a over UTF-16 code units: deterministic across processes and runtime versions, which
/// placement needs, and fast enough for keys of a few dozen characters.
/// </summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static int Of(string value)
    {
        var hash = OffsetBasis;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return (int)hash;
    }

    public static int Combine(int first, int second) => (int)(((uint)first ^ (uint)second) * Prime + (uint)second);
}
