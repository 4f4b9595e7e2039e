using Gates.Testing.Http;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>
/// One request as the API server's authorizer sees it (its RequestInfo): verb (get, list, patch …), API group,
/// resource, namespace and name. A dry run needs the same verb as the write it checks.
/// </summary>
public sealed record KubernetesApiCall(string Verb, string Group, string Resource, string? Namespace, string? Name, bool DryRun)
{
    public static KubernetesApiCall Of(FakeRequest request)
    {
        var s = request.RawPath.Trim('/').Split('/');
        // /api/v1/... is the core group (""); /apis/{group}/{version}/...
        var rest = s is ["api", _, ..] ? s[2..] : s is ["apis", _, _, ..] ? s[3..] : [];
        var group = s is ["apis", var g, ..] ? g : "";
        var (ns, resourceAndName) = rest is ["namespaces", var n, .. var tail] && tail.Length > 0 ? (n, tail) : ((string?)null, rest);
        var resource = resourceAndName.Length > 0 ? resourceAndName[0] : "";
        var name = resourceAndName.Length > 1 ? resourceAndName[1] : null;
        var verb = request.Method switch
        {
            "GET" when name is null => request.Query.GetValueOrDefault("watch") is "true" or "1" ? "watch" : "list",
            "GET" => "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is null => "deletecollection",
            "DELETE" => "delete",
            _ => request.Method.ToLowerInvariant(),
        };
        return new KubernetesApiCall(verb, group, resource, ns, name, request.Query.ContainsKey("dryRun"));
    }

    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "" : Group + "/")}{Resource}{(Name is null ? "" : "/" + Name)} in {Namespace ?? "(cluster)"}{(DryRun ? " (dry run)" : "")}";
}
