using k8s.Models;

namespace Gates.Kubernetes;

/// <summary>What a set of pods says: total restarts, containers that cannot run, pods that are not ready.</summary>
internal sealed record PodHealth(int Restarts, IReadOnlyList<string> Failures, IReadOnlyList<string> NotReady, int Pods)
{
    /// <summary>Waiting reasons that mean the container will not run without a change (roll back at once).</summary>
    public static readonly IReadOnlySet<string> BrokenReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
    };

    public static PodHealth Of(IEnumerable<V1Pod> pods)
    {
        var restarts = 0;
        var failures = new List<string>();
        var notReady = new List<string>();
        var count = 0;
        foreach (var pod in pods)
        {
            count++;
            var name = pod.Metadata?.Name ?? "?";
            var statuses = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []);
            foreach (var container in statuses)
            {
                restarts += container.RestartCount;
                if (container.State?.Waiting?.Reason is { } reason && BrokenReasons.Contains(reason))
                {
                    var last = container.LastState?.Terminated is { } t ? $", last exit {t.ExitCode} {t.Reason}" : "";
                    failures.Add($"pod {name} container {container.Name}: {reason}{last}");
                }
            }

            var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
            if (ready?.Status != "True")
            {
                notReady.Add($"pod {name} is not ready{(ready?.Reason is { } r ? $" ({r})" : "")}");
            }
        }

        return new PodHealth(restarts, failures, notReady, count);
    }
}
