using Gates.Core;
using Gates.Core.Thresholds;
using Gates.Testing;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>
/// The YAML in the docs cannot rot: every fenced yaml block in docs/ and the README parses; a block that is a
/// threshold file (a top-level <c>gates:</c>) passes the threshold reader; every file in thresholds/ passes it.
/// Workflow blocks also go through actionlint (<see cref="ValidatorTests"/>).
/// </summary>
public class DocsYamlTests
{
    [Fact]
    public void Every_yaml_block_in_the_docs_parses_and_threshold_blocks_are_valid_threshold_files()
    {
        var blocks = DocsYaml.Blocks();
        var thresholdBlocks = 0;

        blocks.Count.ShouldBeGreaterThan(10);
        foreach (var (where, text) in blocks)
        {
            IReadOnlyList<YamlDocument> documents;
            try
            {
                documents = Yaml.LoadDocumentsFromText(text);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new ShouldAssertException($"{where}: invalid YAML: {e.Message}");
            }

            documents.ShouldNotBeEmpty(where);
            if (documents[0].RootNode is YamlMappingNode map && Yaml.Child(map, "gates") is not null)
            {
                thresholdBlocks++;
                ReadThresholds(where, System.Text.Encoding.UTF8.GetBytes(text), map);
            }
        }

        thresholdBlocks.ShouldBeGreaterThan(0, "docs/thresholds.md shows a threshold file");
    }

    [Fact]
    public void Every_threshold_file_in_thresholds_is_valid()
    {
        var files = Directory.GetFiles(RepositoryPaths.Of("thresholds"), "*.y*ml");

        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var map = Yaml.LoadMapping(file);
            var set = ReadThresholds(file, File.ReadAllBytes(file), map);
            set.Gates.ShouldNotBeEmpty(file);
        }
    }

    [Fact]
    public void The_actions_page_documents_every_input_of_every_action()
    {
        var page = File.ReadAllText(RepositoryPaths.Of("docs", "actions.md"));

        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Of("actions")).Where(d => Path.GetFileName(d) != "setup").Append(RepositoryPaths.Root))
        {
            foreach (var input in Runner.ActionDefinition.Load(folder).Inputs)
            {
                page.ShouldContain($"`{input.Name}`", Case.Sensitive, $"docs/actions.md does not mention input {input.Name} of {folder}");
            }
        }
    }

    /// <summary>Reads with the file's other top-level sections allowed: tools add their own (DESIGN.md).</summary>
    private static ThresholdSet ReadThresholds(string where, byte[] content, YamlMappingNode map)
    {
        var sections = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => k is not ("gates" or "defaults")).ToHashSet();
        try
        {
            return ThresholdFileReader.Read(where, content, new ThresholdReadOptions { Sections = sections });
        }
        catch (GateInputException e)
        {
            throw new ShouldAssertException($"{where}: not a valid threshold file: {e.Message}");
        }
    }
}
