using Gates.MLflow;

namespace Gates.ManifestBump.Registry;

/// <summary>
/// MLflow as an <see cref="IModelRegistry"/>: aliases are MLflow's own; the writer mark is the registered-model tag
/// <c>gates.alias.ALIAS.writer</c>; lineage goes into model-version tags.
/// </summary>
internal sealed class MlflowAliasRegistry(MlflowRegistry registry) : IModelRegistry
{
    public string Kind => "mlflow";

    public string Url => registry.Server.ToString();

    public static string WriterTag(string alias) => $"gates.alias.{alias}.writer";

    public async Task<string> ResolveAsync(string model, string versionOrAlias, CancellationToken ct)
    {
        if (long.TryParse(versionOrAlias, out _))
        {
            return versionOrAlias;
        }

        var pointer = await ReadAliasAsync(model, versionOrAlias, ct);
        return pointer.Version ?? throw new Core.GateInputException($"MLflow at {Url}: registered model '{model}' has no alias '{versionOrAlias}'");
    }

    public async Task<RegistryVersion> ReadVersionAsync(string model, string version, CancellationToken ct)
    {
        var details = await registry.GetVersionAsync(model, version, ct);
        return new RegistryVersion(details.Version, details.Source, details.Tags);
    }

    public async Task<AliasPointer> ReadAliasAsync(string model, string alias, CancellationToken ct)
    {
        var found = await registry.GetModelAsync(model, ct);
        return new AliasPointer(found.Aliases.GetValueOrDefault(alias), found.Tags.GetValueOrDefault(WriterTag(alias)));
    }

    public async Task WriteAliasAsync(string model, string alias, string? version, string writer, CancellationToken ct)
    {
        await registry.SetModelTagAsync(model, WriterTag(alias), writer, ct);
        if (version is null)
        {
            await registry.DeleteAliasAsync(model, alias, ct);
        }
        else
        {
            await registry.SetAliasAsync(model, alias, version, ct);
        }
    }

    public async Task WriteTagsAsync(string model, string version, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
    {
        foreach (var (key, value) in tags)
        {
            await registry.SetVersionTagAsync(model, version, key, value, ct);
        }
    }
}
