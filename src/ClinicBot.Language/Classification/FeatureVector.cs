namespace ClinicBot.Language.Classification;

/// <summary>
/// One message's features for a <see cref="SoftmaxModel"/>: a dense block (sentence embedding, topic evidence)
/// followed by sparse hashed n-gram counts whose indices start after the dense block.
/// </summary>
public sealed record FeatureVector(float[] Dense, int[] SparseIndex, float[] SparseValue);
