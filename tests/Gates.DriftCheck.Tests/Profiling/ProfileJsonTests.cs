using Gates.Core;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Profiling;

public class ProfileJsonTests
{
    [Fact]
    public void A_profile_is_deterministic_and_reads_back_what_it_saved()
    {
        using var folder = new TempFolder();
        var path = TestData.Csv(folder, "r.csv",
            ("x", TestData.Text(TestData.Normal(1, 3000))),
            ("code", [.. Enumerable.Range(0, 3000).Select(i => (i % 4).ToString())]),
            ("when", [.. Enumerable.Range(0, 3000).Select(i => new DateTime(2024, 1, 1).AddHours(i).ToString("yyyy-MM-dd HH:mm:ss"))]));
        var profile = TestData.Reference(path);

        var first = ProfileJson.Write(profile, 1000);
        var second = ProfileJson.Write(TestData.Reference(path), 1000);
        second.ShouldBe(first);

        var file = folder.Write("ref.profile.json", System.Text.Encoding.UTF8.GetString(first));
        var back = ProfileJsonReader.Read(file);
        back.Format.ShouldBe("profile");
        back.SourceName.ShouldBe("r.csv");
        back.SourceSha256.ShouldBe(profile.Sha256);
        back.Rows.ShouldBe(3000);
        var x = back.Find("x")!;
        x.Numbers!.Distribution.IsExact.ShouldBeFalse();
        x.Numbers.Distribution.Values.Length.ShouldBe(1000);
        x.Numbers.Moments.ShouldBe(profile.Find("x")!.Numbers!.Moments);
        back.Find("code")!.Categories!.Counts.ShouldBe(profile.Find("code")!.Categories!.Counts, ignoreOrder: true);
        back.Find("when")!.Hours!.Counts.Count.ShouldBe(24);
        back.Find("when")!.Dates.ShouldBe(profile.Find("when")!.Dates);
    }

    [Fact]
    public void Few_distinct_values_are_kept_exactly()
    {
        using var folder = new TempFolder();
        var path = TestData.Csv(folder, "r.csv", ("x", [.. Enumerable.Range(0, 5000).Select(i => (i % 40 * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        var file = folder.Write("p.json", System.Text.Encoding.UTF8.GetString(ProfileJson.Write(TestData.Reference(path), 1000)));
        var x = ProfileJsonReader.Read(file).Find("x")!.Numbers!.Distribution;

        x.IsExact.ShouldBeTrue();
        x.Values.Length.ShouldBe(40);
        x.Weights.ShouldAllBe(w => w == 125);
    }

    [Fact]
    public void Comparing_with_a_profile_gives_the_statistics_of_the_raw_reference_within_the_sketch_error()
    {
        using var folder = new TempFolder();
        var r = TestData.Csv(folder, "r.csv", ("x", TestData.Text(TestData.Normal(1, 20_000))), ("k", TestData.Categories(3, 20_000, ("a", 3), ("b", 1))));
        var c = TestData.Csv(folder, "c.csv", ("x", TestData.Text(TestData.Normal(2, 5000, 0.05))), ("k", TestData.Categories(4, 5000, ("a", 2), ("b", 1))));
        var raw = TestData.Compare(r, c);

        var profilePath = folder.Write("r.profile.json", System.Text.Encoding.UTF8.GetString(ProfileJson.Write(TestData.Reference(r), 1000)));
        var reference = ProfileJsonReader.Read(profilePath);
        var fromProfile = DriftComparison.Run(reference, Profiler.Current(TestData.Read(c), reference), new DriftSettings());

        var (a, b) = (raw.Column("x"), fromProfile.Column("x"));
        b.Metrics["ks_statistic"].ShouldBe(a.Metrics["ks_statistic"], 0.001);
        b.Metrics["wasserstein_norm"].ShouldBe(a.Metrics["wasserstein_norm"], 0.002);
        b.Metrics["psi"].ShouldBe(a.Metrics["psi"], 0.002);
        b.Metrics["mean_reference"].ShouldBe(a.Metrics["mean_reference"], 1e-12);
        b.Status.ShouldBe(a.Status);
        b.Notes.ShouldContain(n => n.Contains("the reference is summarised by a quantile sketch (reference 1,000 points"));
        fromProfile.Column("k").Statistic.ShouldBe(raw.Column("k").Statistic);
        fromProfile.Column("k").PValue.ShouldBe(raw.Column("k").PValue);
    }

    [Fact]
    public void A_file_that_is_not_a_profile_of_this_version_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("old.json", "{\n  \"format\": \"drift-check-profile\",\n  \"version\": 99\n}\n");

        Should.Throw<GateInputException>(() => ProfileJsonReader.Read(path)).Message.ShouldContain("profile version 99 is not supported");
    }
}
