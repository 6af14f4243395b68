using System.Text.Json;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// The parts of a Hugging Face tokenizer.json that the Rust library does not report through
/// Tokenizers.DotNet: the id-to-token table (for token spans and vocabulary size), which tokens are
/// special, how token strings spell bytes, and how many special tokens the post-processor wraps
/// around a single sequence.
/// </summary>
public sealed class TokenizerJsonFile
{
    /// <summary>The file read.</summary>
    public required string Path { get; init; }
    /// <summary>The model type: BPE, Unigram, WordPiece or WordLevel.</summary>
    public required string ModelType { get; init; }
    /// <summary>Token string by id, model vocabulary and added tokens together.</summary>
    public required IReadOnlyDictionary<int, string> TokenById { get; init; }
    /// <summary>Id by token string.</summary>
    public required IReadOnlyDictionary<string, int> IdByToken { get; init; }
    /// <summary>Ids of added tokens, whose content is literal text (not byte-level encoded).</summary>
    public required IReadOnlySet<int> AddedTokenIds { get; init; }
    /// <summary>Ids of added tokens marked special (left out when decoding with skipSpecialTokens).</summary>
    public required IReadOnlySet<int> SpecialTokenIds { get; init; }
    /// <summary>True when token strings are GPT-2 byte-level strings (a ByteLevel pre-tokenizer or decoder).</summary>
    public required bool ByteLevel { get; init; }
    /// <summary>True when "&lt;0xNN&gt;" pieces stand for single bytes.</summary>
    public required bool ByteFallback { get; init; }
    /// <summary>Ids the post-processor puts before a single sequence (Llama: BOS).</summary>
    public required int[] TemplatePrefix { get; init; }
    /// <summary>Ids the post-processor puts after a single sequence (BERT: [SEP]).</summary>
    public required int[] TemplateSuffix { get; init; }

    /// <summary>One more than the largest id.</summary>
    public int VocabularySize => TokenById.Count == 0 ? 0 : TokenById.Keys.Max() + 1;

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static TokenizerJsonFile Read(string path)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{path}: not valid JSON ({e.Message}); restore tokenizer.json from the model's repository.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
                throw new WorldProbeException($"{path}: no \"model\" object; this is not a Hugging Face tokenizer.json.");
            string modelType = model.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";
            var tokenById = new Dictionary<int, string>();
            var idByToken = new Dictionary<string, int>(StringComparer.Ordinal);
            if (model.TryGetProperty("vocab", out var vocab))
            {
                if (vocab.ValueKind == JsonValueKind.Object)
                    foreach (var entry in vocab.EnumerateObject()) Add(entry.Value.GetInt32(), entry.Name);
                else if (vocab.ValueKind == JsonValueKind.Array)
                {
                    // Unigram: [[piece, score], ...] with the id as the position.
                    int id = 0;
                    foreach (var entry in vocab.EnumerateArray()) Add(id++, entry[0].GetString() ?? "");
                }
            }
            var added = new HashSet<int>();
            var special = new HashSet<int>();
            if (root.TryGetProperty("added_tokens", out var addedTokens) && addedTokens.ValueKind == JsonValueKind.Array)
                foreach (var token in addedTokens.EnumerateArray())
                {
                    int id = token.GetProperty("id").GetInt32();
                    Add(id, token.GetProperty("content").GetString() ?? "");
                    added.Add(id);
                    if (token.TryGetProperty("special", out var isSpecial) && isSpecial.ValueKind == JsonValueKind.True) special.Add(id);
                }

            bool byteLevel = Mentions(root, "pre_tokenizer", "ByteLevel") || Mentions(root, "decoder", "ByteLevel");
            bool byteFallback = model.TryGetProperty("byte_fallback", out var fallback) && fallback.ValueKind == JsonValueKind.True;
            var prefix = new List<int>();
            var suffix = new List<int>();
            if (root.TryGetProperty("post_processor", out var post)) ReadPostProcessor(post, prefix, suffix, path);

            return new TokenizerJsonFile
            {
                Path = path,
                ModelType = modelType,
                TokenById = tokenById,
                IdByToken = idByToken,
                AddedTokenIds = added,
                SpecialTokenIds = special,
                ByteLevel = byteLevel,
                ByteFallback = byteFallback,
                TemplatePrefix = [.. prefix],
                TemplateSuffix = [.. suffix],
            };

            void Add(int id, string token)
            {
                tokenById[id] = token;
                idByToken[token] = id;
            }
        }
    }

    /// <summary>The UTF-8 bytes token <paramref name="id"/> spells in the normalized text, or null when unknown.</summary>
    public byte[]? Surface(int id)
    {
        if (!TokenById.TryGetValue(id, out var token)) return null;
        if (AddedTokenIds.Contains(id)) return System.Text.Encoding.UTF8.GetBytes(token);
        if (ByteLevel) return ByteLevelAlphabet.ToBytes(token);
        return TokenSurfaces.FromSentencePiece(token, ByteFallback);
    }

    static bool Mentions(JsonElement root, string key, string type)
    {
        if (!root.TryGetProperty(key, out var element) || element.ValueKind != JsonValueKind.Object) return false;
        return Contains(element);

        bool Contains(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type) return true;
                foreach (var p in e.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Contains(p.Value)) return true;
            }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray())
                    if (Contains(item)) return true;
            return false;
        }
    }

    static void ReadPostProcessor(JsonElement post, List<int> prefix, List<int> suffix, string path)
    {
        if (post.ValueKind != JsonValueKind.Object) return;
        string type = post.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        switch (type)
        {
            case "TemplateProcessing":
                var specialIds = new Dictionary<string, int[]>();
                if (post.TryGetProperty("special_tokens", out var specials))
                    foreach (var s in specials.EnumerateObject())
                        specialIds[s.Name] = [.. s.Value.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32())];
                bool seenSequence = false;
                foreach (var piece in post.GetProperty("single").EnumerateArray())
                {
                    if (piece.TryGetProperty("Sequence", out _)) { seenSequence = true; continue; }
                    if (!piece.TryGetProperty("SpecialToken", out var token)) continue;
                    string name = token.GetProperty("id").GetString() ?? "";
                    if (!specialIds.TryGetValue(name, out var ids))
                        throw new WorldProbeException($"{path}: post_processor names special token \"{name}\" without ids; restore tokenizer.json from the model's repository.");
                    (seenSequence ? suffix : prefix).AddRange(ids);
                }
                break;
            case "BertProcessing" or "RobertaProcessing":
                prefix.Add(post.GetProperty("cls")[1].GetInt32());
                suffix.Add(post.GetProperty("sep")[1].GetInt32());
                break;
            case "Sequence":
                foreach (var inner in post.GetProperty("processors").EnumerateArray())
                    ReadPostProcessor(inner, prefix, suffix, path);
                break;
        }
    }
}
