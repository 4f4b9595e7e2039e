using System.CommandLine;
using Gates.Cli;
using Gates.Testing;
using Gates.Testing.Tools;
using Xunit.Abstractions;

namespace Gates.Actions.Tests.DocsExamples;

/// <summary>
/// Every command of a Gates tool shown in a shell block of docs/ or the README runs, in-process, in a temporary
/// copy of samples/ and thresholds/, with the exit code the page gives and writing the files it names. Blocks that
/// need a cluster, a forge, a server or the network are marked before the block and counted in the output.
/// </summary>
public class DocsCommandsTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, Func<GateEnvironment, RootCommand>> Factories = new(StringComparer.Ordinal)
    {
        ["eval-gate"] = EvalGate.EvalGateCommand.Create,
        ["latency-bench"] = env => LatencyBench.LatencyBenchCommand.Create(env, () => false),
        ["drift-check"] = DriftCheck.DriftCheckCommand.Create,
        ["canary-validate"] = CanaryValidate.CanaryValidateCommand.Create,
        ["manifest-bump"] = ManifestBump.ManifestBumpCommand.Create,
        ["gate-report"] = GateReport.GateReportCommand.Create,
    };

    [Fact]
    public async Task Every_tool_command_in_the_docs_runs_on_the_samples_with_the_exit_code_and_files_the_page_gives()
    {
        var blocks = DocsCommands.Blocks();
        var ran = 0;
        var failures = new List<string>();
        foreach (var block in blocks.Where(b => b.Any(c => c.Tool is not null && c.Needs is null)))
        {
            using var copy = SampleCopy();
            foreach (var command in block.Where(c => c.Tool is not null))
            {
                ran++;
                var failure = await Run(copy.Path, command);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }

        var commands = blocks.SelectMany(b => b).ToList();
        foreach (var group in commands.Where(c => c.Tool is not null && c.Needs is not null).GroupBy(c => c.Needs))
        {
            output.WriteLine($"not run, needs {group.Key}: {group.Count()} command(s)");
            foreach (var command in group)
            {
                output.WriteLine($"  {command}");
            }
        }

        output.WriteLine($"ran {ran} tool command(s); {commands.Count(c => c.Tool is null)} other command(s) (install, build, other programs) are not tool examples");
        ran.ShouldBeGreaterThan(15);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void A_block_that_starts_a_line_with_a_tool_is_labelled_so_the_collector_sees_it()
    {
        DocsCommands.UnlabelledToolBlocks().ShouldBeEmpty("label command examples ```sh and synopses ```text");
    }

    [Fact]
    public void The_collector_reads_quotes_continuations_cd_and_the_exit_code_comment()
    {
        var (words, comment) = ShellWords.Split("manifest-bump --set 'a.b[name=model].image=X' \"q \\\"x\\\"\" it\\ s  # 4, INCONCLUSIVE");

        words.ShouldBe(["manifest-bump", "--set", "a.b[name=model].image=X", "q \"x\"", "it s"]);
        comment.ShouldBe("4, INCONCLUSIVE");
        ShellWords.Split("a#b").Words.ShouldBe(["a#b"]);
    }

    private async Task<string?> Run(string root, DocCommand command)
    {
        var folder = Path.GetFullPath(Path.Join(root, command.Folder));
        using var harness = new ToolHarness(Factories[command.Tool!], command.Tool, folder);
        var result = await harness.RunAsync([.. command.Args]);
        output.WriteLine($"exit {result.ExitCode}: {command}");
        if (result.ExitCode != command.ExpectedExit)
        {
            return $"{command}\n  expected exit {command.ExpectedExit}, got {result}";
        }

        var missing = command.WrittenFiles().Where(f => !File.Exists(Path.Join(folder, f))).ToList();
        return missing.Count == 0 ? null : $"{command}\n  did not write {string.Join(", ", missing)}";
    }

    private static TempFolder SampleCopy()
    {
        var copy = new TempFolder();
        foreach (var top in new[] { "samples", "thresholds" })
        {
            var from = RepositoryPaths.Of(top);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Join(copy.Path, top, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return copy;
    }
}
