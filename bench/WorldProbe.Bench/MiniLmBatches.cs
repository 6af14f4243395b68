using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Bench;

/// <summary>
/// The fixed MiniLM benchmark input: the first <c>n</c> of 32 ordinary English sentences (about
/// 16 tokens each with [CLS]/[SEP]), tokenized with all-MiniLM-L6-v2's own vocabulary and right-padded.
/// The same batches serve the ONNX Runtime baseline and, later, WorldProbe's runtime.
/// </summary>
public static class MiniLmBatches
{
    static readonly string[] Sentences =
    [
        "The Eiffel Tower was completed in Paris in 1889.",
        "Lake Titicaca lies on the border of Peru and Bolivia.",
        "Abraham Lincoln was born in Kentucky in 1809.",
        "The Amazon River flows through Brazil into the Atlantic.",
        "Mount Kilimanjaro is the highest mountain in Africa.",
        "The Great Wall of China stretches across northern China.",
        "Sydney Opera House opened to the public in 1973.",
        "The Danube passes through Vienna, Budapest and Belgrade.",
        "Marie Curie won the Nobel Prize in Physics in 1903.",
        "The Sahara is the largest hot desert in the world.",
        "Kyoto was the capital of Japan for over a thousand years.",
        "The Panama Canal connects the Atlantic and Pacific oceans.",
        "Buenos Aires is the capital and largest city of Argentina.",
        "The Berlin Wall fell in November of 1989.",
        "Iceland sits on the boundary between two tectonic plates.",
        "The Nile is often called the longest river on Earth.",
        "Chicago grew quickly after the railroads arrived.",
        "The Acropolis overlooks the city of Athens in Greece.",
        "Cape Town lies at the southern tip of Africa.",
        "The first Olympic Games of modern times were held in 1896.",
        "Mumbai is the financial centre of India.",
        "The Golden Gate Bridge spans the strait into San Francisco Bay.",
        "Stockholm is built on fourteen islands in Sweden.",
        "The Rocky Mountains run from Canada to New Mexico.",
        "Napoleon was exiled to the island of Saint Helena.",
        "The city of Istanbul straddles Europe and Asia.",
        "Machu Picchu was built by the Inca in the fifteenth century.",
        "The Dead Sea is one of the saltiest bodies of water.",
        "Toronto is the most populous city in Canada.",
        "The printing press spread across Europe after 1450.",
        "Venice is famous for its canals and its bridges.",
        "The Moon landing took place in July of 1969.",
    ];

    /// <summary>The first <paramref name="batchSize"/> sentences as one padded batch.</summary>
    public static PaddedBatch Build(int batchSize)
    {
        using var tokenizer = TokenizerLoader.Load(EmbeddedModels.Resolve("minilm"));
        return PaddedBatch.Encode(tokenizer, Sentences.Take(batchSize).ToArray());
    }
}
