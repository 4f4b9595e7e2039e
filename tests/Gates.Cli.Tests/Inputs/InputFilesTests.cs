using System.Security.Cryptography;
using System.Text;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Testing;

namespace Gates.Cli.Tests.Inputs;

public class InputFilesTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void A_folder_is_named_as_a_folder()
    {
        using var folder = new TempFolder();

        Should.Throw<GateInputException>(() => InputFiles.ReadAll(folder.Path, "results file"))
            .Message.ShouldBe($"{folder.Path}: is a folder, not a results file");
        Should.Throw<GateInputException>(() => InputFiles.Open(folder.Path, "data file"))
            .Message.ShouldBe($"{folder.Path}: is a folder, not a data file");
    }

    [Fact]
    public void A_missing_file_is_named_as_missing()
    {
        using var folder = new TempFolder();
        var path = folder.File("nope.yaml");

        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "thresholds file"))
            .Message.ShouldBe($"{path}: thresholds file not found");
        Should.Throw<GateInputException>(() => InputFiles.Open(folder.File("no/such/dir.csv"), "data file"))
            .Message.ShouldBe($"{folder.File("no/such/dir.csv")}: data file not found");
    }

    [Fact]
    public void The_path_is_kept_as_given()
    {
        using var folder = new TempFolder();
        var full = folder.Write("r.json", "{}");

        var content = InputFiles.ReadAll(full, "gate report", "reports/r.json");

        content.Path.ShouldBe("reports/r.json");
        content.As("report").ShouldBe(new Core.Results.InputFile("report", "reports/r.json", content.Sha256));
        Should.Throw<GateInputException>(() => InputFiles.ReadAll(folder.File("gone.json"), "gate report", "reports/gone.json"))
            .Message.ShouldBe("reports/gone.json: gate report not found");
    }

    [Fact]
    public void An_empty_file_is_zero_bytes_with_the_sha256_of_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.json", "");

        var content = InputFiles.ReadAll(path, "results file");

        content.IsEmpty.ShouldBeTrue();
        content.Sha256.ShouldBe(EmptySha256);
        content.Text().ShouldBe("");
        using var stream = InputFiles.Open(path, "results file");
        stream.Finish().ShouldBe(EmptySha256);
    }

    [Fact]
    public void Bytes_and_sha256_are_those_of_the_file()
    {
        using var folder = new TempFolder();
        var bytes = "\uFEFFgates:\n  a: 1\n"u8.ToArray();
        var path = folder.File("t.yaml");
        File.WriteAllBytes(path, bytes);

        var content = InputFiles.ReadAll(path, "thresholds file");

        content.Bytes.ShouldBe(bytes);
        content.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        content.Text().ShouldBe("gates:\n  a: 1\n");
    }

    [Fact]
    public void A_streamed_file_has_the_sha256_of_all_its_bytes_however_it_is_read()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{{\"row\":{i},\"name\":\"é€😀{i}\"}}\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = folder.File("big.jsonl");
        File.WriteAllBytes(path, bytes);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        using (var stream = InputFiles.Open(path, "data file"))
        {
            var buffer = new byte[7]; // odd reads split multi-byte characters between reads
            var read = 0L;
            for (var i = 0; i < 1000; i++)
            {
                read += stream.Read(buffer);
            }

            stream.Finish().ShouldBe(expected);
            stream.BytesRead.ShouldBe(bytes.Length);
            read.ShouldBe(7000);
        }

        using var whole = InputFiles.Open(path, "data file");
        whole.Peek(16).ShouldBe(bytes[..16]);
        using var reader = new StreamReader(whole, leaveOpen: true);
        reader.ReadToEnd().ShouldBe(text);
        whole.Finish().ShouldBe(expected);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0xFF, 0x63 }, 2)]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9, 0x62, 0xC3, 0x28 }, 4)]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80 }, 3)]
    [InlineData(new byte[] { 0x7B, 0x7D, 0x0A, 0xC0, 0xAF }, 3)]
    public void Invalid_utf8_names_the_file_and_the_byte_offset(byte[] bytes, int offset)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.txt");
        File.WriteAllBytes(path, bytes);

        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "results file").Text())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte {offset}");
        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "results file").Utf8())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte {offset}");
        using var stream = InputFiles.Open(path, "results file");
        Should.Throw<GateInputException>(() => stream.Finish())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte {offset}");
    }

    [Fact]
    public void Invalid_utf8_far_into_a_streamed_file_is_found_at_its_offset()
    {
        using var folder = new TempFolder();
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("ab€", 100_000)));
        var path = folder.File("big.csv");
        File.WriteAllBytes(path, [.. good, 0xE2, 0x82, 0x41]);

        using var stream = InputFiles.Open(path, "data file");

        Should.Throw<GateInputException>(() => stream.Finish())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte {good.Length}");
    }

    [Fact]
    public void A_streamed_file_with_a_utf16_byte_order_mark_is_left_to_its_reader()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n1,é\n")).ToArray();
        var path = folder.File("wide.csv");
        File.WriteAllBytes(path, bytes);

        using var stream = InputFiles.Open(path, "data file");
        using var reader = new StreamReader(stream, leaveOpen: true);

        reader.ReadToEnd().ShouldBe("a,b\n1,é\n");
        stream.Finish().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "data file").Text())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte 0");
    }

    [Fact]
    public void A_file_that_ends_inside_a_character_is_invalid_utf8()
    {
        using var folder = new TempFolder();
        var path = folder.File("cut.json");
        File.WriteAllBytes(path, [0x7B, 0x7D, 0xF0, 0x9F, 0x98]);

        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "results file").Text())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte 2 (the file ends inside a character)");
        using var stream = InputFiles.Open(path, "results file");
        Should.Throw<GateInputException>(() => stream.Finish())
            .Message.ShouldBe($"{path}: invalid UTF-8 at byte 2 (the file ends inside a character)");
    }

    [Fact]
    public void An_unreadable_file_is_a_usage_error_naming_it()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Permissions do not stop root; the folder and missing-file cases above cover the mapping there.
            Should.Throw<GateInputException>(() => InputFiles.ReadAll("", "thresholds file")).Message.ShouldStartWith(": cannot read thresholds file: ");
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("secret.yaml", "gates: {}");
        File.SetUnixFileMode(path, UnixFileMode.None);

        Should.Throw<GateInputException>(() => InputFiles.ReadAll(path, "thresholds file"))
            .Message.ShouldStartWith($"{path}: cannot read thresholds file: ");
    }
}
