namespace Gates.Kubernetes;

/// <summary>Names of the KServe API.</summary>
public static class KServe
{
    public const string Group = "serving.kserve.io";
    public const string Version = "v1beta1";
    public const string Plural = "inferenceservices";
    public const string ModeAnnotation = "serving.kserve.io/deploymentMode";
    public const string RevisionLabel = "serving.knative.dev/revision";
}
