using System.Text;
using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_new_file_in_a_missing_folder_creates_both()
    {
        using var temp = new TempFolder();
        var path = temp.File("a/b/out.txt");

        AtomicFile.Write(path, "hello");

        File.ReadAllText(path).ShouldBe("hello");
    }

    [Fact]
    public void Write_existing_file_replaces_it_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write("out.txt", "a much longer old content");

        AtomicFile.Write(path, "new");

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(temp.Path).ShouldBe([path]);
    }

    [Fact]
    public void Write_text_is_Utf8_without_byte_order_mark()
    {
        using var temp = new TempFolder();
        var path = temp.File("out.txt");

        AtomicFile.Write(path, "é");

        File.ReadAllBytes(path).ShouldBe(Encoding.UTF8.GetBytes("é"));
    }

    [Fact]
    public void Write_folder_is_a_file_is_a_runtime_error_naming_the_path()
    {
        using var temp = new TempFolder();
        var blocker = temp.Write("blocker", "");
        var path = Path.Combine(blocker, "out.txt");

        Should.Throw<GateRuntimeException>(() => AtomicFile.Write(path, "x")).Message.ShouldContain(path);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_bytes_keeps_them_exactly_and_keeps_the_file_permissions()
    {
        using var folder = new TempFolder();
        var path = folder.Write("run.sh", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\r', (byte)'\n'];

        AtomicFile.Write(path, bytes);

        File.ReadAllBytes(path).ShouldBe(bytes);
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
