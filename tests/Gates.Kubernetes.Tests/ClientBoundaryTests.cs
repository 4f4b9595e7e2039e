using System.Text.RegularExpressions;
using Gates.Testing;

namespace Gates.Kubernetes.Tests;

/// <summary>KubernetesClient's types stay inside Gates.Kubernetes: the other projects see only its own small types.</summary>
public sealed partial class ClientBoundaryTests
{
    [GeneratedRegex(@"\bk8s\b|\bIKubernetes\b|KubernetesClient", RegexOptions.CultureInvariant)]
    private static partial Regex ClientName();

    [Fact]
    public void No_project_outside_gates_kubernetes_uses_the_k8s_namespace()
    {
        var src = RepositoryPaths.Of("src");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(src, f).StartsWith("Gates.Kubernetes" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ClientName().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_facade_shows_no_kubernetes_client_type_in_its_public_surface()
    {
        var leaks = typeof(KubernetesCluster).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers())
            .SelectMany(m => m switch
            {
                System.Reflection.MethodInfo method => [method.ReturnType, .. method.GetParameters().Select(p => p.ParameterType)],
                System.Reflection.PropertyInfo property => [property.PropertyType],
                System.Reflection.FieldInfo field => [field.FieldType],
                _ => Array.Empty<Type>(),
            })
            .Where(t => t.Namespace?.StartsWith("k8s", StringComparison.Ordinal) == true)
            .Select(t => t.FullName)
            .Distinct()
            .ToList();

        leaks.ShouldBeEmpty();
    }
}
