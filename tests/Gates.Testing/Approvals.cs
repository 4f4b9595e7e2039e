using System.Runtime.CompilerServices;

namespace Gates.Testing;

/// <summary>
/// Approval files: compares text with tests/&lt;Project&gt;/Approved/&lt;name&gt;.approved.txt beside the test source.
/// On a mismatch (or a missing file) writes &lt;name&gt;.received.txt next to it and fails; approve by renaming.
/// Set GATES_APPROVE=1 to accept every received file.
/// </summary>
public static class Approvals
{
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string sourceFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Approved");
        Directory.CreateDirectory(folder);
        var approved = Path.Combine(folder, $"{name}.approved.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n") == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("GATES_APPROVE") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(approved, actual);
            return;
        }

        File.WriteAllText(received, actual);
        throw new Xunit.Sdk.XunitException($"Output differs from {approved}; see {received}.");
    }
}
