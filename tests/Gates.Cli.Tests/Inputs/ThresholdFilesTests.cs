using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Testing;

namespace Gates.Cli.Tests.Inputs;

public class ThresholdFilesTests
{
    [Fact]
    public void Missing_file_is_an_input_error_naming_it()
    {
        Should.Throw<GateInputException>(() => ThresholdFiles.Read("/no/such/thresholds.yaml"))
            .Message.ShouldBe("/no/such/thresholds.yaml: thresholds file not found");
    }

    [Fact]
    public void The_set_keeps_the_path_and_the_sha256_of_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("t.yaml", "gates:\n  acc:\n    metric: accuracy\n    min: 0.8\n");

        var set = ThresholdFiles.Read(path);

        set.Path.ShouldBe(path);
        set.Sha256.ShouldBe(InputFiles.ReadAll(path, "thresholds file").Sha256);
        set.Gates.Single().Name.ShouldBe("acc");
    }

    [Fact]
    public void Invalid_utf8_in_thresholds_is_reported_with_its_offset()
    {
        using var folder = new TempFolder();
        var path = folder.File("t.yaml");
        File.WriteAllBytes(path, [.. "gates:\n  \""u8.ToArray(), 0xFF, .. "\": {}\n"u8.ToArray()]);

        Should.Throw<GateInputException>(() => ThresholdFiles.Read(path))
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte 10");
    }
}
