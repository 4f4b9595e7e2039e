using Gates.Core;
using Gates.Kubeflow;

namespace Gates.ManifestBump.Registry;

/// <summary>
/// Kubeflow Model Registry as an <see cref="IModelRegistry"/>. The registry has no aliases, so Gates keeps them where
/// the registry keeps user data: the registered model's custom property <c>gates.alias.ALIAS</c> holds the version
/// name and <c>gates.alias.ALIAS.writer</c> the writer mark, written in one PATCH. Lineage goes into the version's
/// custom properties; an ARCHIVED version is not promoted.
/// </summary>
internal sealed class KubeflowAliasRegistry(KubeflowRegistryClient client) : IModelRegistry
{
    public string Kind => "kubeflow";

    public string Url => client.Server.ToString();

    public static string AliasKey(string alias) => $"gates.alias.{alias}";

    public async Task<string> ResolveAsync(string model, string versionOrAlias, CancellationToken ct)
    {
        var found = await client.FindModelAsync(model, ct);
        return found.Strings.GetValueOrDefault(AliasKey(versionOrAlias)) ?? versionOrAlias;
    }

    public async Task<RegistryVersion> ReadVersionAsync(string model, string version, CancellationToken ct)
    {
        var resolved = await client.ResolveAsync(model, version, ct);
        return new RegistryVersion(resolved.Version.Name, resolved.Uri, resolved.Version.Strings, resolved.Version.Archived);
    }

    public async Task<AliasPointer> ReadAliasAsync(string model, string alias, CancellationToken ct)
    {
        var found = await client.FindModelAsync(model, ct);
        return new AliasPointer(found.Strings.GetValueOrDefault(AliasKey(alias)), found.Strings.GetValueOrDefault(AliasKey(alias) + ".writer"));
    }

    public async Task WriteAliasAsync(string model, string alias, string? version, string writer, CancellationToken ct)
    {
        var found = await client.FindModelAsync(model, ct);
        var changes = new Dictionary<string, string?> { [AliasKey(alias)] = version, [AliasKey(alias) + ".writer"] = writer };
        await client.UpdateModelAsync(found, found.With(changes), ct);
    }

    public async Task WriteTagsAsync(string model, string version, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
    {
        var resolved = await client.ResolveAsync(model, version, ct);
        if (resolved.Version.Archived)
        {
            throw new GateInputException($"Kubeflow Model Registry at {Url}: version '{version}' of '{model}' is archived");
        }

        await client.UpdateVersionAsync(resolved.Version, resolved.Version.With(tags.ToDictionary(t => t.Key, t => (string?)t.Value)), ct);
    }
}
