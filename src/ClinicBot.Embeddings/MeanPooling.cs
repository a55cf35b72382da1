namespace ClinicBot.Embeddings;

/// <summary>
/// Mean pooling over the tokens a sentence's attention mask keeps, then L2 normalisation: the sentence vector of
/// all-MiniLM-L6-v2. The same arithmetic in the same order as the package's <c>DenseTensorHelpers.MeanPooling</c> and
/// <c>Normalize</c>, so the vectors are bit for bit the package's (a test compares them), but over the model's output
/// buffer directly: the package's version goes through the tensor's multi-dimensional indexer for every number and
/// cost ~3 ms of a ~8 ms embedding (p99 far more).
/// </summary>
internal static class MeanPooling
{
    public static float[][] UnitVectors(ReadOnlySpan<float> hiddenStates, IReadOnlyList<long[]> attentionMasks, int tokenCount, int dimensions)
    {
        var vectors = new float[attentionMasks.Count][];
        for (var s = 0; s < vectors.Length; s++)
        {
            var sentence = hiddenStates.Slice(s * tokenCount * dimensions, tokenCount * dimensions);
            vectors[s] = Normalized(Mean(sentence, attentionMasks[s], tokenCount, dimensions));
        }
        return vectors;
    }

    private static float[] Mean(ReadOnlySpan<float> tokens, long[] mask, int tokenCount, int dimensions)
    {
        var sum = new float[dimensions];
        var maskSum = 0f;
        for (var t = 0; t < tokenCount; t++)
        {
            float weight = mask[t];
            maskSum += weight;
            var token = tokens.Slice(t * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++) sum[d] += token[d] * weight;
        }

        var inverse = 1f / MathF.Max(maskSum, 1e-9f);
        for (var d = 0; d < dimensions; d++) sum[d] *= inverse;
        return sum;
    }

    private static float[] Normalized(float[] vector)
    {
        var squares = 0f;
        for (var d = 0; d < vector.Length; d++) squares += vector[d] * vector[d];
        var inverseNorm = 1 / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var d = 0; d < vector.Length; d++) vector[d] *= inverseNorm;
        return vector;
    }
}
