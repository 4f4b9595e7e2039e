using Gates.Core;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class AnchorTests
{
    [Fact]
    public void An_anchored_value_nobody_aliases_keeps_its_anchor()
    {
        Text("tag: &t v1.0.0 # c\n", Set("tag", "v1.1.0")).ShouldBe("tag: &t v1.1.0 # c\n");
    }

    [Fact]
    public void Editing_an_anchor_that_an_alias_repeats_is_refused()
    {
        const string yaml = "portName: &port http\nservice:\n  port: *port\n";
        Should.Throw<GateInputException>(() => Run(yaml, Set("portName", "https"))).Message.ShouldContain("alias *port repeats");
    }

    [Fact]
    public void Editing_through_an_alias_is_refused()
    {
        const string yaml = "base: &base\n  image: r/x:1\nother: *base\n";
        Should.Throw<GateInputException>(() => Run(yaml, Set("other.image", "r/x:2"))).Message.ShouldContain("goes through the alias *base");
        Should.Throw<GateInputException>(() => Run(yaml, Set("base.image", "r/x:2"))).Message.ShouldContain("inside the anchor &base");
    }

    [Fact]
    public void A_key_that_only_a_merge_key_provides_is_refused()
    {
        const string yaml = "defaults: &d\n  tag: v1\nprod:\n  <<: *d\n  replicas: 2\n";
        Should.Throw<GateInputException>(() => Run(yaml, Set("prod.tag", "v2"))).Message.ShouldContain("merge key");
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_elsewhere_survive_an_edit()
    {
        const string yaml = "defaults: &d\n  pull: Always\nprod:\n  <<: *d\n  image: r/x:1 # pinned\nport: &p http\nsvc: *p\n";
        Text(yaml, Set("prod.image", "r/x:2")).ShouldBe(yaml.Replace("r/x:1", "r/x:2"));
    }
}
