using Gates.DriftCheck.Analysis.Learning;
using Gates.DriftCheck.Tests.Embeddings;

namespace Gates.DriftCheck.Tests.Analysis;

/// <summary>The classifier, AUC, MMD and centroid statistics on data with known answers.</summary>
public class LearningTests
{
    [Fact]
    public void Roc_auc_counts_ties_as_half()
    {
        RocAuc.Of([0.1, 0.4, 0.35, 0.8], [false, false, true, true]).ShouldBe(0.75);
        RocAuc.Of([1, 1, 1, 1], [false, true, false, true]).ShouldBe(0.5);
        RocAuc.Of([0, 1, 2, 3], [false, false, true, true]).ShouldBe(1);
    }

    [Fact]
    public void The_permutation_null_of_the_auc_centres_on_one_half()
    {
        var scores = TestData.Normal(1, 400);
        var labels = scores.Select((_, i) => i % 2 == 0).ToArray();

        var nulls = RocAuc.PermutationNull(scores, labels, 500, 7);

        nulls.Average().ShouldBe(0.5, 0.01);
        PermutationNull.Percentile([.. nulls.Order()], 0.95).ShouldBeInRange(0.52, 0.62);
    }

    [Fact]
    public void The_domain_classifier_separates_shifted_vectors_and_not_identical_ones()
    {
        var reference = EmbeddingFiles.Vectors(1, 500, 20);
        var shifted = EmbeddingFiles.Vectors(2, 500, 20, shift: 0.5, shifted: 10);
        var same = EmbeddingFiles.Vectors(3, 500, 20);
        var labels = Enumerable.Range(0, 1000).Select(i => i >= 500).ToArray();

        var drift = DomainClassifier.Run(new DenseRows([.. reference, .. shifted], 20), labels, new DomainClassifierOptions());
        var none = DomainClassifier.Run(new DenseRows([.. reference, .. same], 20), labels, new DomainClassifierOptions());

        drift.Auc.ShouldBeGreaterThan(0.8);
        drift.PValue.ShouldBeLessThan(0.01);
        none.Auc.ShouldBeLessThan(0.56);
        none.PValue.ShouldBeGreaterThan(0.01);
    }

    [Fact]
    public void Mmd_is_near_zero_for_one_distribution_and_significant_for_a_shift()
    {
        var reference = EmbeddingFiles.Vectors(4, 300, 16);

        var same = Mmd.Test(reference, EmbeddingFiles.Vectors(5, 300, 16), 1000, 200, 42);
        var shifted = Mmd.Test(reference, EmbeddingFiles.Vectors(6, 300, 16, shift: 0.5, shifted: 8), 1000, 200, 42);

        Math.Abs(same.Mmd2).ShouldBeLessThan(0.01);
        same.PValue.ShouldBeGreaterThan(0.01);
        shifted.Mmd2.ShouldBeGreaterThan(0.015);
        shifted.PValue.ShouldBeLessThan(0.01);
    }

    [Fact]
    public void Mmd_subsamples_to_the_cap()
    {
        var result = Mmd.Test(EmbeddingFiles.Vectors(7, 500, 4), EmbeddingFiles.Vectors(8, 400, 4), 100, 50, 1);

        (result.ReferenceRows, result.CurrentRows, result.Permutations).ShouldBe((100, 100, 50));
    }

    [Fact]
    public void Centroid_distance_is_the_cosine_distance_of_the_means()
    {
        CentroidDistance.Cosine([1, 0], [0, 1]).ShouldBe(1, 1e-12);
        CentroidDistance.Cosine([1, 1], [2, 2]).ShouldBe(0, 1e-12);
        CentroidDistance.Cosine([1, 0], [-1, 0]).ShouldBe(2, 1e-12);
    }

    [Fact]
    public void Hashed_text_features_have_unit_length_and_repeat()
    {
        var a = HashedText.Features("The parcel arrived late, again!");
        var b = HashedText.Features("The parcel arrived late, again!");

        a.Indices.ShouldBe(b.Indices);
        Math.Sqrt(a.Values.Sum(v => (double)v * v)).ShouldBe(1, 1e-5);
        a.Indices.ShouldBe(a.Indices.Order().Distinct());
    }

    [Fact]
    public void Descriptors_measure_length_words_non_letters_and_unseen_words()
    {
        TextDescriptors.Characters("héllo 👋").ShouldBe(7);
        TextDescriptors.NonLetters("ab 12!").ShouldBe(3.0 / 6);
        TextDescriptors.OutOfVocabularyShare(["a", "b", "c", "d"], ["a", "b"]).ShouldBe(0.5);
        Tokens.Words("Don't STOP-now 42").ShouldBe(["don", "t", "stop", "now", "42"]);
    }
}
