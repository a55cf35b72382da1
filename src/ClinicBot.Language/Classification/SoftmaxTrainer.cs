namespace ClinicBot.Language.Classification;

/// <summary>How a <see cref="SoftmaxTrainer"/> runs: passes over the data, AdaGrad step size, L2 penalty, shuffle seed.</summary>
public sealed record TrainingSettings(int Epochs = 10, float LearningRate = 0.2f, float L2 = 1e-6f, int Seed = 17);

/// <summary>
/// Trains a <see cref="SoftmaxModel"/> with AdaGrad over a seeded shuffle, one example at a time, in one thread:
/// the same data and settings give the same weights, bit for bit, on the same machine kind.
/// </summary>
public static class SoftmaxTrainer
{
    public static SoftmaxModel Train(IReadOnlyList<string> classes, IReadOnlyList<(FeatureVector Features, int Label)> examples,
        int denseLength, int sparseLength, TrainingSettings settings)
    {
        var width = denseLength + sparseLength + 1;
        var weights = classes.Select(_ => new float[width]).ToArray();
        var model = new SoftmaxModel(classes, denseLength, sparseLength, weights);
        var squaredGradients = classes.Select(_ => new float[width]).ToArray();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(settings.Seed);
        var logits = new float[classes.Count];

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var (x, label) = examples[n];
                for (var c = 0; c < logits.Length; c++) logits[c] = model.Logit(weights[c], x);
                var probabilities = SoftmaxModel.Softmax(logits);
                for (var c = 0; c < classes.Count; c++)
                {
                    var error = probabilities[c] - (c == label ? 1f : 0f);
                    var row = weights[c];
                    var g2 = squaredGradients[c];
                    for (var i = 0; i < x.Dense.Length; i++) Step(row, g2, i, error * x.Dense[i], settings);
                    for (var k = 0; k < x.SparseIndex.Length; k++) Step(row, g2, denseLength + x.SparseIndex[k], error * x.SparseValue[k], settings);
                    Step(row, g2, width - 1, error, settings);
                }
            }
        }
        return model;
    }

    private static void Step(float[] row, float[] squaredGradients, int i, float gradient, TrainingSettings settings)
    {
        gradient += settings.L2 * row[i];
        squaredGradients[i] += gradient * gradient;
        row[i] -= settings.LearningRate * gradient / (MathF.Sqrt(squaredGradients[i]) + 1e-6f);
    }
}
