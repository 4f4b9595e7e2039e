using Gates.Core;
using Gates.ManifestBump.Yaml;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class StructureTests
{
    private const string TwoObjects =
        "---\n# fraud model\napiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: fraud\n  namespace: ml\n" +
        "spec:\n  predictor:\n    model:\n      storageUri: s3://models/fraud/v12\n...\n---\n" +
        "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: churn\n  namespace: ml\n" +
        "spec:\n  predictor:\n    model:\n      storageUri: s3://models/churn/v3\n";

    [Fact]
    public void Selects_one_document_and_keeps_separators_and_end_markers()
    {
        var after = Text(TwoObjects, Set("spec.predictor.model.storageUri", "s3://models/churn/v4", "kind=InferenceService,name=churn"));
        after.ShouldBe(TwoObjects.Replace("churn/v3", "churn/v4"));
    }

    [Fact]
    public void No_match_names_what_the_file_has()
    {
        Should.Throw<GateInputException>(() => Run(TwoObjects, Set("spec.predictor.model.storageUri", "x", "kind=InferenceService,name=nope")))
            .Message.ShouldContain("InferenceService/fraud in ml; InferenceService/churn in ml");
    }

    [Fact]
    public void Two_matches_is_an_error()
    {
        Should.Throw<GateInputException>(() => Run(TwoObjects, Set("spec.predictor.model.storageUri", "x", "kind=InferenceService,namespace=ml")))
            .Message.ShouldContain("2 objects match");
    }

    [Fact]
    public void Several_documents_without_a_selector_is_an_error()
    {
        Should.Throw<GateInputException>(() => Run(TwoObjects, Set("spec.predictor.model.storageUri", "x")))
            .Message.ShouldContain("2 objects match (no --select)");
    }

    [Fact]
    public void A_missing_key_lists_the_keys_that_are_there()
    {
        Should.Throw<GateInputException>(() => Run(TwoObjects, Set("spec.predictor.model.storageUrl", "x", "name=fraud")))
            .Message.ShouldContain("no key 'storageUrl'");
    }

    [Fact]
    public void A_mapping_is_not_a_value()
    {
        Should.Throw<GateInputException>(() => Run(TwoObjects, Set("spec.predictor", "x", "name=fraud")))
            .Message.ShouldContain("is a mapping");
    }

    [Fact]
    public void Crlf_line_endings_and_a_missing_final_newline_are_kept()
    {
        const string yaml = "a:\r\n  b: v1   # note\r\n  c: 'x'";
        Text(yaml, Set("a.c", "y")).ShouldBe("a:\r\n  b: v1   # note\r\n  c: 'y'");
        Text(yaml, Set("a.b", "v2")).ShouldBe("a:\r\n  b: v2   # note\r\n  c: 'x'");
    }

    [Fact]
    public void A_bom_is_kept_and_not_part_of_the_first_key()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "name: v1\r\n"u8.ToArray()];
        var manifest = ManifestText.Decode(bytes, "m.yaml");
        manifest.HasBom.ShouldBeTrue();
        var edit = ManifestEditor.Apply("m.yaml", manifest, [Set("name", "v2")]);
        edit.After.Encode().ShouldBe([0xEF, 0xBB, 0xBF, .. "name: v2\r\n"u8.ToArray()]);
    }

    [Fact]
    public void Sequence_items_by_index_by_field_and_by_prefix()
    {
        const string yaml = "containers:\n  - name: a\n    image: a:1\n  - name: b\n    image: b:1\nargs:\n  - --port=8080\n  - --model_version=12\n";
        Text(yaml, Set("containers[name=b].image", "b:2")).ShouldBe(yaml.Replace("b:1", "b:2"));
        Text(yaml, Set("containers[0].image", "a:2")).ShouldBe(yaml.Replace("a:1", "a:2"));
        Text(yaml, Set("args[^--model_version=]", "--model_version=13")).ShouldBe(yaml.Replace("=12", "=13"));
    }

    [Fact]
    public void Quoted_keys_with_dots_are_addressable()
    {
        const string yaml = "metadata:\n  annotations:\n    serving.kserve.io/deploymentMode: Serverless\n";
        Text(yaml, Set("metadata.annotations[\"serving.kserve.io/deploymentMode\"]", "RawDeployment"))
            .ShouldBe(yaml.Replace("Serverless", "RawDeployment"));
    }

    [Fact]
    public void Comments_that_look_like_keys_are_not_touched()
    {
        const string yaml = "spec:\n  # image: old:0\n  image: registry.k8s.io/redis:e2e  # or just image: redis\n";
        Text(yaml, Set("spec.image", "registry.k8s.io/redis:e3")).ShouldBe(yaml.Replace("redis:e2e", "redis:e3"));
    }
}
