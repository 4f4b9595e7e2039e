using Gates.Core;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class BlockScalarTests
{
    [Fact]
    public void A_literal_block_keeps_its_header_comment_indentation_and_what_follows()
    {
        const string yaml = "data:\n  script: |  # run me\n    echo old\n    exit 0\n\n  other: x\n";
        Text(yaml, Set("data.script", "echo new\nexit 1\n"))
            .ShouldBe("data:\n  script: |  # run me\n    echo new\n    exit 1\n\n  other: x\n");
    }

    [Fact]
    public void A_stripped_folded_block_takes_a_one_line_value()
    {
        const string yaml = "env:\n  value: >-\n    --max-model-len=8192\n    --enforce-eager\nnext: 1\n";
        Text(yaml, Set("env.value", "--max-model-len=4096 --enforce-eager"))
            .ShouldBe("env:\n  value: >-\n    --max-model-len=4096 --enforce-eager\nnext: 1\n");
    }

    [Fact]
    public void Line_breaks_into_a_folded_block_are_refused()
    {
        Should.Throw<GateInputException>(() => Run("a: >\n  x\n", Set("a", "one\ntwo\n"))).Message.ShouldContain("folded");
    }

    [Fact]
    public void Crlf_block_scalars_keep_crlf()
    {
        const string yaml = "s: |-\r\n  a\r\n  b\r\nt: 1\r\n";
        Text(yaml, Set("s", "c\nd")).ShouldBe("s: |-\r\n  c\r\n  d\r\nt: 1\r\n");
    }

    [Fact]
    public void Image_lines_inside_a_block_scalar_are_text_not_targets()
    {
        const string yaml = "manifest: |\n  image: python:3\nimage: python:3\n";
        Text(yaml, Set("image", "python:4")).ShouldBe("manifest: |\n  image: python:3\nimage: python:4\n");
    }
}
