using Gates.Cli;

namespace Gates.CanaryValidate.Target;

/// <summary>
/// How --act applies its patch: for real (none), printed only (client: <c>--dry-run</c>), or sent with the API's
/// <c>dryRun=All</c> so the API server validates and admits it without storing it (server: <c>--dry-run=server</c>).
/// </summary>
internal enum DryRunMode
{
    None,
    Client,
    Server,
}

internal static class DryRunModes
{
    /// <summary>Reads --dry-run's value: absent is none, bare is client, else client | server | none (true/1 mean client, for GATES_DRY_RUN).</summary>
    public static DryRunMode Parse(bool given, string? value) => (given, value?.Trim().ToLowerInvariant()) switch
    {
        (false, null or "") => DryRunMode.None,
        (true, null or "") => DryRunMode.Client,
        (_, "client" or "true" or "1") => DryRunMode.Client,
        (_, "server") => DryRunMode.Server,
        (_, "none" or "false" or "0") => DryRunMode.None,
        _ => throw FlagValues.Invalid("--dry-run", value!, "client (the default when bare) or server"),
    };
}
