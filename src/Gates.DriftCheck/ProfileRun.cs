using Gates.Cli.Inputs;
using Gates.Cli;
using Gates.Cli.Hosts;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck;

/// <summary>Profiles the reference data and writes the profile file.</summary>
internal static class ProfileRun
{
    public static int Execute(ProfileSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var thresholds = settings.Thresholds is { } path ? ThresholdFiles.Read(path, DriftSettingsReader.ReadOptions) : null;
        var drift = thresholds is null ? new DriftSettings() : DriftSettingsReader.Read(thresholds);
        var progress = new ReadProgress(env, TimeSpan.FromSeconds(5));
        var profile = settings.Reference is { } reference
            ? DataLoader.Reference(reference, settings.Data.ToOptions(drift), drift, ct, progress.For(reference))
            : ProfileMerge.Merge([.. settings.Merge.Select(ProfileJsonReader.Read)]);
        var bytes = ProfileJson.Write(profile, settings.Quantiles, settings.ExactValues);
        AtomicFile.Write(settings.SaveProfile, System.Text.Encoding.UTF8.GetString(bytes));
        var verb = settings.Reference is null ? "merged" : "profiled";
        env.Out.WriteLine($"{DriftCheckCommand.Name}: {verb} {Words(profile)} from {profile.Path} into {settings.SaveProfile} ({bytes.Length / 1024.0:0.#} KiB)");
        foreach (var column in profile.Columns)
        {
            env.Out.WriteLine($"  {column.Name}: {column.Type.ToWord()} ({column.TypeReason})");
        }

        return ExitCodes.Passed;
    }

    private static string Words(TableProfile p) =>
        $"{Analysis.Words.Plural(p.Rows, "row", "rows")} and {Analysis.Words.Plural(p.Columns.Count, "column", "columns")}";
}
