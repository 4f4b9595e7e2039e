using System.Web;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// A stand-in for the Kubernetes API server on 127.0.0.1: serves Deployment, Pod and InferenceService JSON from
/// fixture files by path (pods by label selector), records every request and answers patches with the object.
/// A kubeconfig pointing at it is written to a temporary folder, so the code under test goes through KubernetesClient.
/// </summary>
public sealed class FakeKubernetes : IDisposable
{
    private readonly Dictionary<string, string> objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> pods = new(StringComparer.Ordinal);
    private readonly LocalHttpServer server;
    private readonly TempFolder folder = new();

    public FakeKubernetes()
    {
        server = new LocalHttpServer(Answer);
        Kubeconfig = folder.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {server.BaseUrl}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: ci
                namespace: ai-production
            current-context: fake
            users:
            - name: ci
              user:
                token: test-token
            """);
    }

    public string Kubeconfig { get; }

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    public IEnumerable<FakeRequest> Patches => server.Requests.Where(r => r.Method == "PATCH");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public FakeKubernetes Deployment(string name, string fixture, string ns = "ai-production")
    {
        objects[$"/apis/apps/v1/namespaces/{ns}/deployments/{name}"] = Fixture(fixture);
        return this;
    }

    public FakeKubernetes InferenceService(string name, string fixture, string ns = "ai-production")
    {
        objects[$"/apis/serving.kserve.io/v1beta1/namespaces/{ns}/inferenceservices/{name}"] = Fixture(fixture);
        return this;
    }

    public FakeKubernetes Pods(string labelSelector, string fixture)
    {
        pods[labelSelector] = Fixture(fixture);
        return this;
    }

    private FakeResponse Answer(FakeRequest request)
    {
        var uri = new Uri("http://x" + request.PathAndQuery);
        var path = uri.AbsolutePath;
        if (path.EndsWith("/pods", StringComparison.Ordinal))
        {
            var selector = HttpUtility.ParseQueryString(uri.Query)["labelSelector"] ?? "";
            return pods.TryGetValue(selector, out var list)
                ? FakeResponse.JsonText(200, list)
                : FakeResponse.JsonText(200, """{"apiVersion":"v1","kind":"PodList","metadata":{},"items":[]}""");
        }

        if (objects.TryGetValue(path, out var json))
        {
            return FakeResponse.JsonText(200, json);
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return FakeResponse.JsonText(404, $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"\"{{name}}\" not found","reason":"NotFound","code":404}""");
    }

    public void Dispose()
    {
        server.Dispose();
        folder.Dispose();
    }
}
