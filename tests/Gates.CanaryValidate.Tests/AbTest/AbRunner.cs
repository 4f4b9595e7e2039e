using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.CanaryValidate.Tests.Support;
using Gates.Testing;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>Runs canary-validate with an ABTest file in-process, its clock stopped at the given time.</summary>
internal sealed class AbRunner(DateTimeOffset now) : IDisposable
{
    public TempFolder Folder { get; } = new();

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public async Task<int> RunAsync(params string[] args)
    {
        var env = new GateEnvironment(Out, Error, new Dictionary<string, string?> { ["GATES_CI"] = "none" }, new JumpClock(now), Folder.Path);
        return await GateApp.RunAsync([.. args, "--report-json", "report.json"], CanaryValidateCommand.Create(env), env);
    }

    public JsonNode Report => JsonNode.Parse(File.ReadAllText(Folder.File("report.json")))!;

    public JsonNode Details => Report["details"]!["canary-validate"]!;

    public JsonNode Check(string name) => Report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    public void Dispose() => Folder.Dispose();
}
