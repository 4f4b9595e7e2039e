namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>
/// Logistic regression by stochastic gradient descent with L2 regularisation: a seeded shuffle per epoch, step
/// size eta0 / (1 + eta0·alpha·t) with eta0 = 0.5 / mean squared row norm, and a bias term.
/// </summary>
internal sealed class LogisticSgd
{
    private readonly double[] weights;
    private double bias;

    private LogisticSgd(int dimension) => weights = new double[dimension];

    public static LogisticSgd Train(IFeatureRows rows, IReadOnlyList<int> training, bool[] labels, int seed, int epochs = 5, double alpha = 1e-4)
    {
        var model = new LogisticSgd(rows.Dimension);
        var order = training.ToArray();
        var random = new Random(seed);
        var eta0 = 0.5 / Math.Max(rows.MeanSquaredNorm, 1e-9);
        var scale = 1.0;
        long t = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var eta = eta0 / (1 + (eta0 * alpha * t++));
                var margin = (scale * rows.Dot(i, model.weights)) + model.bias;
                var gradient = (labels[i] ? 1.0 : 0.0) - Sigmoid(margin);
                scale *= 1 - (eta * alpha);
                if (scale < 1e-9)
                {
                    for (var j = 0; j < model.weights.Length; j++)
                    {
                        model.weights[j] *= scale;
                    }

                    scale = 1;
                }

                rows.AddTo(i, model.weights, eta * gradient / scale);
                model.bias += eta * gradient;
            }
        }

        for (var j = 0; j < model.weights.Length; j++)
        {
            model.weights[j] *= scale;
        }

        return model;
    }

    /// <summary>The log-odds that the row is labelled true.</summary>
    public double Score(IFeatureRows rows, int row) => rows.Dot(row, weights) + bias;

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
