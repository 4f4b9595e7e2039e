using Gates.Core;
using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Yaml;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class TargetTests
{
    private const string Isvc =
        "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: fraud\nspec:\n  predictor:\n" +
        "    canaryTrafficPercent: 10\n    model:\n      modelFormat:\n        name: sklearn\n      runtimeVersion: \"1.3.0\"\n" +
        "      storageUri: 's3://models/fraud/v12'  # promoted\n      args:\n        - --model_name=fraud\n        - --model_version=12\n";

    private const string Deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fraud\nspec:\n  template:\n    spec:\n      initContainers:\n" +
        "        - name: fetch\n          image: busybox:1.36\n      containers:\n        - name: model\n          image: registry.example.com/fraud:1.4.2\n" +
        "        - name: proxy\n          image: envoyproxy/envoy:v1.30\n";

    [Theory]
    [InlineData("storageUri", "s3://models/fraud/v13", "'s3://models/fraud/v12'", "'s3://models/fraud/v13'")]
    [InlineData("runtimeVersion", "1.4.0", "\"1.3.0\"", "\"1.4.0\"")]
    [InlineData("canaryTrafficPercent", "50", "canaryTrafficPercent: 10", "canaryTrafficPercent: 50")]
    [InlineData("args", "--model_version=13", "--model_version=12", "--model_version=13")]
    public void InferenceService_fields(string field, string value, string oldText, string newText)
    {
        Text(Isvc, new SetField(ObjectSelector.Parse("kind=InferenceService"), field, value)).ShouldBe(Isvc.Replace(oldText, newText));
    }

    [Fact]
    public void InferenceService_framework_form_is_found_too()
    {
        const string yaml = "kind: InferenceService\nmetadata:\n  name: f\nspec:\n  predictor:\n    sklearn:\n      storageUri: gs://b/1\n";
        Text(yaml, new SetField(ObjectSelector.Any, "storageUri", "gs://b/2")).ShouldBe(yaml.Replace("b/1", "b/2"));
    }

    [Fact]
    public void LLMInferenceService_model_uri()
    {
        const string yaml = "apiVersion: serving.kserve.io/v1alpha2\nkind: LLMInferenceService\nmetadata:\n  name: qwen\nspec:\n  model:\n    uri: \"hf://Qwen/Qwen2.5-7B-Instruct\"\n    name: qwen\n";
        Text(yaml, new SetField(ObjectSelector.Any, "model.uri", "hf://Qwen/Qwen2.5-7B-Instruct:abc123")).ShouldBe(yaml.Replace("Instruct\"", "Instruct:abc123\""));
    }

    [Fact]
    public void Unknown_field_names_the_known_ones()
    {
        Should.Throw<GateInputException>(() => Run(Isvc, new SetField(ObjectSelector.Any, "storage", "x"))).Message.ShouldContain("known: storageUri");
    }

    [Fact]
    public void Container_image_by_name_not_index()
    {
        Text(Deployment, new SetContainerImage(ObjectSelector.Parse("kind=Deployment,name=fraud"), "model", "registry.example.com/fraud:1.5.0"))
            .ShouldBe(Deployment.Replace("fraud:1.4.2", "fraud:1.5.0"));
        Text(Deployment, new SetContainerImage(ObjectSelector.Any, "fetch", "busybox:1.37")).ShouldBe(Deployment.Replace("1.36", "1.37"));
    }

    [Fact]
    public void Unknown_container_lists_the_containers()
    {
        Should.Throw<GateInputException>(() => Run(Deployment, new SetContainerImage(ObjectSelector.Any, "server", "x")))
            .Message.ShouldContain("containers: fetch, model, proxy");
    }

    [Fact]
    public void Kustomize_image_fields()
    {
        const string yaml = "resources:\n  - isvc.yaml\nimages:\n  - name: registry.example.com/fraud\n    newName: registry.example.com/fraud-prod\n" +
            "    newTag: \"12\"\n    digest: sha256:aaa\n  - name: other\n    newTag: v1\n";
        var fields = new[] { KeyValuePair.Create("newTag", "13"), KeyValuePair.Create("digest", "sha256:bbb") };
        Text(yaml, new SetKustomizeImage(ObjectSelector.Any, "registry.example.com/fraud", fields))
            .ShouldBe(yaml.Replace("\"12\"", "\"13\"").Replace("aaa", "bbb"));
    }

    [Fact]
    public void Kustomize_image_field_that_is_not_written_is_an_error()
    {
        const string yaml = "images:\n  - name: other\n    newTag: v1\n";
        Should.Throw<GateInputException>(() => Run(yaml, new SetKustomizeImage(ObjectSelector.Any, "other", [KeyValuePair.Create("digest", "sha256:x")])))
            .Message.ShouldContain("no key 'digest'");
    }

    [Fact]
    public void Several_requests_in_one_file_apply_in_order()
    {
        var edit = Run(Isvc, new SetField(ObjectSelector.Any, "storageUri", "s3://models/fraud/v13"), new SetField(ObjectSelector.Any, "canaryTrafficPercent", "20"));
        ChangedLines(Isvc, edit.After.Text).Count.ShouldBe(2);
        edit.Changes.Select(c => c.Status).ShouldAllBe(s => s == ChangeStatus.Changed);
    }
}
