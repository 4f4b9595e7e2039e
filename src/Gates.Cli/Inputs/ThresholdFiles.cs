using Gates.Core.Thresholds;

namespace Gates.Cli.Inputs;

/// <summary>Reads a thresholds file through <see cref="InputFiles"/> and hands its bytes to Core's reader.</summary>
public static class ThresholdFiles
{
    public static ThresholdSet Read(string path, ThresholdReadOptions? options = null)
    {
        var content = InputFiles.ReadAll(path, "thresholds file");
        content.Utf8();
        return ThresholdFileReader.Read(path, content.Bytes, options);
    }
}
