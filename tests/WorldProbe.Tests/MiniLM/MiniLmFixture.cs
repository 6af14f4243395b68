using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Reference;

namespace WorldProbe.Tests.MiniLM;

/// <summary>One import of the embedded MiniLM into a private cache folder and one single-threaded ONNX Runtime session (tests run two at a time on two cores), shared by the MiniLM tests.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public string CacheRoot { get; } = Directory.CreateTempSubdirectory("worldprobe-cache-").FullName;
    public string Folder { get; }
    public OnnxBertReference Reference { get; } = OnnxBertReference.MiniLm(threads: 1);

    public MiniLmFixture() => Folder = EmbeddedModels.Resolve("minilm", CacheRoot);

    public void Dispose()
    {
        Reference.Dispose();
        Directory.Delete(CacheRoot, recursive: true);
    }

    /// <summary>Ordinary English sentences of different lengths, as the space/time prompts look.</summary>
    public static readonly string[] Sentences =
    [
        "The Eiffel Tower is in Paris.",
        "Lake Titicaca lies on the border between Peru and Bolivia, high in the Andes.",
        "Abraham Lincoln was born in 1809.",
        "What is the latitude and longitude of Kraków?",
        "São Paulo is the largest city in Brazil.",
        "The Empire State Building was completed in 1931 in New York City.",
    ];
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM import";
}
