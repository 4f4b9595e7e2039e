using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Editing;

/// <summary>One scalar to set: the document (by index), the path in it, the new value and a label for reports.</summary>
internal sealed record PlannedEdit(int Document, YamlPath Path, string Value, string Label);

/// <summary>What the user asked to change in one file; <see cref="Plan"/> turns it into scalar edits or an error.</summary>
internal abstract record EditRequest
{
    public abstract IReadOnlyList<PlannedEdit> Plan(IReadOnlyList<YamlDocument> documents, string where);

    public abstract string Describe();

    /// <summary>The same request with every value passed through <paramref name="render"/> ({{version}} templating).</summary>
    public abstract EditRequest Render(Func<string, string> render);

    protected static string Label(YamlDocument document, YamlPath path) => $"{ObjectSelector.Describe(document)} {path}";
}

/// <summary><c>--set spec.predictor.model.storageUri=s3://…</c> in the selected object (or a Helm values file).</summary>
internal sealed record SetPath(ObjectSelector Select, YamlPath Path, string Value) : EditRequest
{
    public override IReadOnlyList<PlannedEdit> Plan(IReadOnlyList<YamlDocument> documents, string where)
    {
        var document = Select.SelectOne(documents, where);
        PathResolver.Require(document, Path, where);
        return [new PlannedEdit(document.Index, Path, Value, Label(document, Path))];
    }

    public override string Describe() => $"{Path}={Value}";

    public override EditRequest Render(Func<string, string> render) => this with { Value = render(Value) };
}

/// <summary><c>--container-image model=registry/fraud:1.5</c>: the image of the container with that name, wherever the pod spec is.</summary>
internal sealed record SetContainerImage(ObjectSelector Select, string Container, string Value) : EditRequest
{
    public override IReadOnlyList<PlannedEdit> Plan(IReadOnlyList<YamlDocument> documents, string where)
    {
        var document = Select.SelectOne(documents, where);
        var paths = ContainerFinder.Find(document.Root, Container).ToList();
        if (paths.Count == 0)
        {
            throw new Core.GateInputException($"{where}: {ObjectSelector.Describe(document)} has no container named '{Container}' (containers: {string.Join(", ", ContainerFinder.Names(document.Root).Distinct())})");
        }

        if (paths.Count > 1)
        {
            throw new Core.GateInputException($"{where}: {ObjectSelector.Describe(document)} has {paths.Count} containers named '{Container}' ({string.Join("; ", paths)})");
        }

        var path = paths[0].Append(new PathStep.Key("image"));
        PathResolver.Require(document, path, where);
        return [new PlannedEdit(document.Index, path, Value, Label(document, path))];
    }

    public override string Describe() => $"container {Container} image={Value}";

    public override EditRequest Render(Func<string, string> render) => this with { Value = render(Value) };
}

/// <summary><c>--kustomize-image name=registry/fraud,newTag=13</c>: fields of one entry of a kustomization's <c>images</c>.</summary>
internal sealed record SetKustomizeImage(ObjectSelector Select, string Image, IReadOnlyList<KeyValuePair<string, string>> Fields) : EditRequest
{
    public override IReadOnlyList<PlannedEdit> Plan(IReadOnlyList<YamlDocument> documents, string where)
    {
        var document = Select.SelectOne(documents, where, d => d.Root is YamlMapping m && m["images"] is YamlSequence);
        var entry = YamlPath.Of(new PathStep.Key("images"), new PathStep.Match("name", Image));
        return [.. Fields.Select(f =>
        {
            var path = entry.Append(new PathStep.Key(f.Key));
            PathResolver.Require(document, path, where);
            return new PlannedEdit(document.Index, path, f.Value, Label(document, path));
        })];
    }

    public override string Describe() => $"kustomize image {Image} {string.Join(" ", Fields.Select(f => $"{f.Key}={f.Value}"))}";

    public override EditRequest Render(Func<string, string> render) =>
        this with { Fields = [.. Fields.Select(f => KeyValuePair.Create(f.Key, render(f.Value)))] };
}
