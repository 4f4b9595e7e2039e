using Gates.Core;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class ScalarStyleTests
{
    [Fact]
    public void Plain_value_keeps_the_trailing_comment_and_marker()
    {
        const string yaml = "spec:\n  image: registry.example.com/fraud:1.4.2 # {\"$imagepolicy\": \"ml:fraud\"}\n  replicas: 2\n";
        Text(yaml, Set("spec.image", "registry.example.com/fraud:1.5.0"))
            .ShouldBe("spec:\n  image: registry.example.com/fraud:1.5.0 # {\"$imagepolicy\": \"ml:fraud\"}\n  replicas: 2\n");
    }

    [Fact]
    public void Single_quotes_stay_single_and_escape_a_quote_by_doubling()
    {
        const string yaml = "model:\n  storageUri: 's3://models/fraud/v12'  # promoted by manifest-bump\n";
        Text(yaml, Set("model.storageUri", "s3://models/fraud/it's-v13"))
            .ShouldBe("model:\n  storageUri: 's3://models/fraud/it''s-v13'  # promoted by manifest-bump\n");
    }

    [Fact]
    public void Double_quotes_stay_double_and_escape_quotes_and_backslashes()
    {
        const string yaml = "a:\n  b: \"old\" # c\n";
        Text(yaml, Set("a.b", "say \"hi\" \\ bye")).ShouldBe("a:\n  b: \"say \\\"hi\\\" \\\\ bye\" # c\n");
    }

    [Fact]
    public void A_plain_string_that_would_turn_into_a_number_is_quoted()
    {
        var edit = Run("image:\n  tag: latest\n", Set("image.tag", "13"));
        edit.After.Text.ShouldBe("image:\n  tag: \"13\"\n");
        edit.Changes.Single().Note.ShouldNotBeNull().ShouldContain("int");
    }

    [Theory]
    [InlineData("canaryTrafficPercent: 10\n", "20", "canaryTrafficPercent: 20\n")]
    [InlineData("tag: 0.1\n", "0.2", "tag: 0.2\n")]
    [InlineData("tag: \"0.1\"\n", "0.2", "tag: \"0.2\"\n")]
    [InlineData("enabled: true\n", "false", "enabled: false\n")]
    [InlineData("tag: 1.44.0\n", "1.45.0", "tag: 1.45.0\n")]
    [InlineData("tag: 1.44.0\n", "1.45", "tag: \"1.45\"\n")]
    public void Plain_values_stay_plain_when_the_type_does_not_change(string yaml, string value, string expected)
    {
        var key = yaml[..yaml.IndexOf(':')];
        Text(yaml, Set(key, value)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a: b # c\n", "x: y", "a: \"x: y\" # c\n")]
    [InlineData("a: b\n", "#nope", "a: \"#nope\"\n")]
    [InlineData("a: b\n", "- item", "a: \"- item\"\n")]
    [InlineData("a: b\n", "two\nlines", "a: \"two\\nlines\"\n")]
    [InlineData("a: 'b'\n", "tab\there", "a: \"tab\\there\"\n")]
    public void Values_that_cannot_be_plain_or_single_quoted_are_double_quoted(string yaml, string value, string expected) =>
        Text(yaml, Set("a", value)).ShouldBe(expected);

    [Fact]
    public void Flow_mappings_keep_their_quotes_and_commas()
    {
        const string yaml = "c: {name: m, image: \"r/x:1\", port: 80}\n";
        Text(yaml, Set("c.image", "r/x:2")).ShouldBe("c: {name: m, image: \"r/x:2\", port: 80}\n");
    }

    [Fact]
    public void A_plain_value_in_a_flow_collection_with_a_comma_is_quoted()
    {
        Text("c: [a, b]\n", Set("c[1]", "x,y")).ShouldBe("c: [a, \"x,y\"]\n");
    }

    [Fact]
    public void A_tagged_value_keeps_its_tag()
    {
        Text("v: !!str 1.0 # pinned\n", Set("v", "2.0")).ShouldBe("v: !!str 2.0 # pinned\n");
    }

    [Fact]
    public void An_empty_value_is_refused_rather_than_guessed()
    {
        Should.Throw<GateInputException>(() => Run("image:\n  tag:\n  pull: Always\n", Set("image.tag", "v1")))
            .Message.ShouldContain("empty");
    }

    [Fact]
    public void A_multi_line_plain_value_is_replaced_whole()
    {
        Text("a: one\n  two\nb: 1\n", Set("a", "three")).ShouldBe("a: three\nb: 1\n");
    }

    [Fact]
    public void Nothing_changes_when_the_value_is_already_there()
    {
        const string yaml = "a: 'v13'\n";
        var edit = Run(yaml, Set("a", "v13"));
        edit.Changed.ShouldBeFalse();
        edit.Changes.Single().Status.ShouldBe(Gates.ManifestBump.Yaml.ChangeStatus.Unchanged);
    }
}
