using Gates.Core;

namespace Gates.Cli.Inputs;

/// <summary>The one wording for input files that cannot be read; each is a usage error (exit 2).</summary>
public static class InputProblems
{
    public static GateInputException NotFound(string path, string what) => new($"{path}: {what} not found");

    public static GateInputException Folder(string path, string what) => new($"{path}: is a folder, not a {what}");

    public static GateInputException CannotRead(string path, string what, Exception e) => new($"{path}: cannot read {what}: {e.Message}");

    public static GateInputException InvalidUtf8(string path, long offset) => new($"{path}: invalid UTF-8 at byte {offset}");

    public static GateInputException TruncatedUtf8(string path, long offset) =>
        new($"{path}: invalid UTF-8 at byte {offset} (the file ends inside a character)");
}
