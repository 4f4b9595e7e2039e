namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>
/// ROC AUC from ranks (ties share their mean rank), and its permutation null: the labels shuffled over the same
/// scores, which is the AUC of a classifier that knows nothing.
/// </summary>
internal static class RocAuc
{
    public static double Of(double[] scores, bool[] labels) => FromRanks(Ranks(scores), labels);

    /// <summary>Ranks from 1, ties averaged.</summary>
    public static double[] Ranks(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        var ranks = new double[scores.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }

    public static double FromRanks(double[] ranks, bool[] labels)
    {
        double positives = 0, sum = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (labels[i])
            {
                positives++;
                sum += ranks[i];
            }
        }

        var negatives = ranks.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (sum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>AUCs of <paramref name="permutations"/> seeded shuffles of the labels over the same scores.</summary>
    public static double[] PermutationNull(double[] scores, bool[] labels, int permutations, int seed)
    {
        var ranks = Ranks(scores);
        var shuffled = (bool[])labels.Clone();
        var random = new Random(seed);
        var aucs = new double[permutations];
        for (var b = 0; b < permutations; b++)
        {
            random.Shuffle(shuffled);
            aucs[b] = FromRanks(ranks, shuffled);
        }

        return aucs;
    }
}
