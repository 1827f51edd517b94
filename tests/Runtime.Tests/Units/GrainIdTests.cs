using Xunit;

namespace Runtime.Tests.Units;

public sealed class GrainIdTests
{
    [Fact]
    public void A_grain_id_round_trips_through_its_text_form()
    {
        var id = GrainId.Create("user", "alice/with/slashes");

        Assert.Equal("user/alice/with/slashes", id.ToString());
        Assert.Equal(id, GrainId.Parse(id.ToString()));
    }

    [Fact]
    public void Guid_and_integer_keys_have_one_canonical_form()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal(GrainId.Create("post", guid), GrainId.Create("post", "0f8fad5bd9cb469fa16570867728950e"));
        Assert.Equal(GrainId.Create("timeline", 42L), GrainId.Create("timeline", "42"));
    }

    [Fact]
    public void The_uniform_hash_is_a_pure_function_of_the_id()
    {
        // Placement relies on every process computing the same hash, so pin it: FNV-1a over the UTF-16
        // bytes of type and key, combined; the value was computed independently of this code.
        Assert.Equal(1_226_056_936, GrainId.Create("user", "alice").GetUniformHashCode());
        Assert.NotEqual(GrainId.Create("user", "alice").GetUniformHashCode(), GrainId.Create("user", "alicf").GetUniformHashCode());
    }

    [Theory]
    [InlineData("User")]
    [InlineData("user/x")]
    [InlineData("")]
    [InlineData("us er")]
    public void Grain_type_names_are_restricted(string type) =>
        Assert.Throws<ArgumentException>(() => GrainId.Create(type, "key"));

    [Theory]
    [InlineData("")]
    [InlineData("/key")]
    [InlineData("type/")]
    [InlineData("Type/key")]
    public void Malformed_text_is_not_a_grain_id(string text) => Assert.False(GrainId.TryParse(text, out _));
}
