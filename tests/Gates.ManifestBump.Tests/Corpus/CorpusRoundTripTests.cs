using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Yaml;
using Xunit.Abstractions;

namespace Gates.ManifestBump.Tests.Corpus;

/// <summary>Real manifests from KServe, Argo, kustomize, Helm and Flux projects: every edit touches exactly one line.</summary>
public class CorpusRoundTripTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> PromotionKeys = new(StringComparer.Ordinal)
    {
        "image", "tag", "newTag", "newName", "digest", "newDigest", "storageUri", "uri", "runtimeVersion", "canaryTrafficPercent",
        "repository", "version", "registry", "name", "value", "weight", "replicas",
    };

    /// <summary>
    /// Files YamlDotNet will not parse though Kubernetes tools accept them (argo-workflows/ci.yaml closes a multi-line
    /// flow sequence at its parent's indentation). manifest-bump refuses them with exit 2 instead of guessing.
    /// </summary>
    private static readonly HashSet<string> ParserRefuses = ["manifests/argo-workflows/ci.yaml"];

    [SkippableFact]
    public void Reading_and_writing_without_edits_gives_back_the_same_bytes()
    {
        foreach (var file in CorpusFolder.Files(output) ?? [])
        {
            var bytes = File.ReadAllBytes(file);
            ManifestText.Decode(bytes, file).Encode().ShouldBe(bytes, CorpusFolder.Name(file));
        }
    }

    [SkippableFact]
    public void Every_promotion_value_and_a_sample_of_all_others_changes_exactly_its_own_line()
    {
        var files = CorpusFolder.Files(output);
        if (files is null)
        {
            return;
        }

        var edits = 0;
        foreach (var file in files)
        {
            var manifest = ManifestText.Decode(File.ReadAllBytes(file), file);
            if (ParserRefuses.Contains(CorpusFolder.Name(file)))
            {
                Should.Throw<Gates.Core.GateInputException>(() => YamlTreeReader.Read(manifest.Text, file)).Message.ShouldContain("not valid YAML");
                output.WriteLine($"{CorpusFolder.Name(file)}: refused with a clear error (YamlDotNet is stricter than go-yaml here)");
                continue;
            }

            var documents = YamlTreeReader.Read(manifest.Text, file);
            foreach (var document in documents)
            {
                var all = EditableScalars.Of(document).ToList();
                var stride = Math.Max(1, all.Count / 25);
                var chosen = all.Where((x, i) => PromotionKeys.Contains(x.Key ?? "") || i % stride == 0);
                foreach (var (path, scalar, _) in chosen)
                {
                    var value = EditableScalars.Bumped(scalar);
                    if (value == scalar.Value)
                    {
                        continue;
                    }

                    AssertOneLineEdit(file, manifest.Text, new PlannedEdit(document.Index, path, value, path.ToString()), scalar);
                    edits++;
                }
            }
        }

        output.WriteLine($"{edits} edits in {files.Count} files, each changing exactly one line");
        edits.ShouldBeGreaterThan(500);
    }

    private static void AssertOneLineEdit(string file, string text, PlannedEdit plan, YamlScalar scalar)
    {
        var name = $"{CorpusFolder.Name(file)} {plan.Path}";
        var (after, change) = ManifestEditor.ApplyOne(file, text, plan);
        change.Status.ShouldBe(ChangeStatus.Changed, name);
        var before = text.Split('\n');
        var lines = after.Split('\n');
        lines.Length.ShouldBe(before.Length, name);
        var differing = Enumerable.Range(0, before.Length).Where(i => before[i] != lines[i]).ToList();
        differing.ShouldBe([scalar.Start.Line - 1], name);

        var line = scalar.Start.Line - 1;
        var startColumn = ScalarSplicer.ValueStart(text, scalar) - text.LastIndexOf('\n', Math.Max(0, scalar.Start.Index - 1)) - 1;
        var endColumn = scalar.End.Column - 1;
        lines[line].ShouldStartWith(before[line][..startColumn], Case.Sensitive, name);
        lines[line].ShouldEndWith(before[line][endColumn..], Case.Sensitive, name);
    }

    [SkippableFact]
    public void Named_promotion_targets_in_the_corpus()
    {
        var files = CorpusFolder.Files(output);
        if (files is null)
        {
            return;
        }

        string Edit(string relative, EditRequest request)
        {
            var path = files.Single(f => f.EndsWith(relative, StringComparison.Ordinal));
            var manifest = ManifestText.Decode(File.ReadAllBytes(path), path);
            var edit = ManifestEditor.Apply(relative, manifest, [request]);
            return UnifiedDiff.Of(manifest.Text, edit.After.Text, "a", "b");
        }

        Edit("kserve/canary.yaml", new SetField(ObjectSelector.Parse("kind=InferenceService"), "canaryTrafficPercent", "50"))
            .ShouldContain("-    canaryTrafficPercent: 10\n+    canaryTrafficPercent: 50\n");
        Edit("kserve/runtimes-kustomization.yaml", new SetKustomizeImage(ObjectSelector.Any, "kserve-sklearnserver", [KeyValuePair.Create("newTag", "v0.16.0")]))
            .ShouldContain("-  newTag: latest\n+  newTag: v0.16.0\n");
        Edit("kubernetes-examples/guestbook-all-in-one.yaml", new SetContainerImage(ObjectSelector.Parse("kind=Deployment,name=redis-master"), "master", "registry.k8s.io/redis:e3"))
            .ShouldContain("+        image: registry.k8s.io/redis:e3  # or just image: redis");
        Edit("argo-cd/app-parameters-multi-kustomization.yaml", new SetKustomizeImage(ObjectSelector.Any, "quay.io/argoprojlabs/argocd-e2e-container", [KeyValuePair.Create("newTag", "0.2")]))
            .ShouldContain("newTag: \"0.2\"");
        Edit("kserve/nemotron-3-ultra-pd.yaml", new SetField(ObjectSelector.Parse("kind=LLMInferenceService"), "model.uri", "hf://nvidia/next"))
            .ShouldContain("+    uri: \"hf://nvidia/next\"");
        Should.Throw<Gates.Core.GateInputException>(() => Edit("prometheus-community-helm-charts/alertmanager-values.yaml",
            new SetPath(ObjectSelector.Any, YamlPath.Parse("containerPortName"), "https"))).Message.ShouldContain("alias");
    }
}
