using Instagram.Silo.Media.Blobs;

namespace Media.Tests.Blobs;

public sealed class BlobKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("photos/0f/3a9c_1080.webp")]
    [InlineData("videos/clip-01/segment.00001.ts")]
    [InlineData("a.b/c_d-e")]
    public void Relative_paths_of_lowercase_segments_are_keys(string key) => Assert.Null(BlobKey.FindProblem(key));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/abs", "empty segment")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("../x", "starts with a dot")]
    [InlineData("a/./b", "starts with a dot")]
    [InlineData("a/.content-type", "starts with a dot")]
    [InlineData("A.jpg", "'A'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a\0b", "'\0'")]
    [InlineData("caf\u00e9", "'\u00e9'")]
    public void Anything_else_is_refused_with_the_reason(string key, string reason) =>
        Assert.Contains(reason, BlobKey.FindProblem(key));

    [Fact]
    public void Keys_and_segments_are_bounded()
    {
        Assert.Null(BlobKey.FindProblem(new string('a', BlobKey.MaxSegmentLength)));
        Assert.Contains("segment is longer", BlobKey.FindProblem(new string('a', BlobKey.MaxSegmentLength + 1)));
        var longest = string.Join('/', Enumerable.Repeat(new string('a', 99), 5)) + "/" + new string('b', 12);
        Assert.Equal(BlobKey.MaxLength, longest.Length);
        Assert.Null(BlobKey.FindProblem(longest));
        Assert.Contains("longer than", BlobKey.FindProblem(longest + "b"));
    }

    [Fact]
    public void Validate_names_the_problem()
    {
        var refused = Assert.Throws<ArgumentException>(() => BlobKey.Validate("a//b"));

        Assert.Contains("'a//b'", refused.Message);
        Assert.Contains("empty segment", refused.Message);
    }
}
