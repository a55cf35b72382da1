namespace ClinicBot.Language.Classification;

/// <summary>
/// Multinomial logistic regression over [dense ‖ sparse ‖ bias]: one weight row per class. Immutable once built,
/// so one instance serves every turn at once.
/// </summary>
public sealed class SoftmaxModel
{
    private readonly float[][] _weights;

    public SoftmaxModel(IReadOnlyList<string> classes, int denseLength, int sparseLength, float[][] weights)
    {
        if (weights.Length != classes.Count || weights.Any(row => row.Length != denseLength + sparseLength + 1))
        {
            throw new InvalidDataException($"A model of {classes.Count} classes over {denseLength}+{sparseLength} features needs {classes.Count} rows of {denseLength + sparseLength + 1} weights.");
        }
        Classes = classes;
        DenseLength = denseLength;
        SparseLength = sparseLength;
        _weights = weights;
    }

    public IReadOnlyList<string> Classes { get; }

    public int DenseLength { get; }

    public int SparseLength { get; }

    public int Width => DenseLength + SparseLength + 1;

    public IReadOnlyList<float> Row(int classIndex) => _weights[classIndex];

    /// <summary>Class probabilities, in the order of <see cref="Classes"/>.</summary>
    public float[] Probabilities(FeatureVector features)
    {
        if (features.Dense.Length != DenseLength) throw new ArgumentException($"Expected {DenseLength} dense features, got {features.Dense.Length}.", nameof(features));
        var logits = new float[Classes.Count];
        for (var c = 0; c < logits.Length; c++) logits[c] = Logit(_weights[c], features);
        return Softmax(logits);
    }

    internal float Logit(float[] row, FeatureVector features)
    {
        var z = row[Width - 1];
        for (var i = 0; i < features.Dense.Length; i++) z += row[i] * features.Dense[i];
        for (var k = 0; k < features.SparseIndex.Length; k++) z += row[DenseLength + features.SparseIndex[k]] * features.SparseValue[k];
        return z;
    }

    internal static float[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var sum = 0f;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = MathF.Exp(logits[c] - max);
            sum += logits[c];
        }
        for (var c = 0; c < logits.Length; c++) logits[c] /= sum;
        return logits;
    }

    /// <summary>The weights of one class as base64 of little-endian float32 (how model files store them).</summary>
    public string RowAsBase64(int classIndex)
    {
        var bytes = new byte[_weights[classIndex].Length * sizeof(float)];
        Buffer.BlockCopy(_weights[classIndex], 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are little-endian.");
        return Convert.ToBase64String(bytes);
    }

    public static float[] RowFromBase64(string base64)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are little-endian.");
        var bytes = Convert.FromBase64String(base64);
        var row = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, row, 0, row.Length * sizeof(float));
        return row;
    }
}
