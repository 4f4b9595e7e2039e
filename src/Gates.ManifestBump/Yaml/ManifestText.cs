using System.Text;
using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>A manifest's text as decoded from UTF-8, remembering whether the bytes began with a BOM.</summary>
internal sealed record ManifestText(string Text, bool HasBom)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ManifestText Decode(byte[] bytes, string source)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return new ManifestText(Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)), bom);
        }
        catch (DecoderFallbackException)
        {
            throw new GateInputException($"{source}: not UTF-8 text");
        }
    }

    public byte[] Encode()
    {
        var body = Strict.GetBytes(Text);
        return HasBom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    public ManifestText With(string text) => this with { Text = text };
}

/// <summary>Reads manifests and replaces them atomically (temporary file in the same folder, then a rename).</summary>
internal static class ManifestFiles
{
    public static ManifestText Read(string path)
    {
        return ManifestText.Decode(InputFiles.ReadAll(path, "manifest").Bytes, path);
    }

    public static void WriteAtomically(string path, ManifestText manifest) => Gates.Cli.Hosts.AtomicFile.Write(path, manifest.Encode());
}
