using System.Text.Json;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// What a Hugging Face tokenizer_config.json says about special tokens and text normalization;
/// every field is null when the file or the key is missing, so each tokenizer applies its own default.
/// </summary>
public sealed record TokenizerConfigFile
{
    /// <summary>The beginning-of-sequence token's text.</summary>
    public string? BosToken { get; init; }
    /// <summary>The end-of-sequence token's text.</summary>
    public string? EosToken { get; init; }
    /// <summary>The padding token's text.</summary>
    public string? PadToken { get; init; }
    /// <summary>The unknown token's text.</summary>
    public string? UnkToken { get; init; }
    /// <summary>BERT's classification token text.</summary>
    public string? ClsToken { get; init; }
    /// <summary>BERT's separator token text.</summary>
    public string? SepToken { get; init; }
    /// <summary>Whether encoding adds the BOS token (Llama's slow tokenizer: true).</summary>
    public bool? AddBosToken { get; init; }
    /// <summary>Whether encoding adds the EOS token.</summary>
    public bool? AddEosToken { get; init; }
    /// <summary>BERT: lower-case the text first.</summary>
    public bool? DoLowerCase { get; init; }
    /// <summary>BERT: strip accents (transformers defaults it to <see cref="DoLowerCase"/>).</summary>
    public bool? StripAccents { get; init; }
    /// <summary>BERT: put spaces around CJK characters.</summary>
    public bool? TokenizeChineseChars { get; init; }

    /// <summary>Reads tokenizer_config.json in <paramref name="folder"/>; an empty record when there is none.</summary>
    public static TokenizerConfigFile Read(string folder)
    {
        string path = Path.Combine(folder, "tokenizer_config.json");
        if (!File.Exists(path)) return new TokenizerConfigFile();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new TokenizerConfigFile
            {
                BosToken = TokenText(root, "bos_token"),
                EosToken = TokenText(root, "eos_token"),
                PadToken = TokenText(root, "pad_token"),
                UnkToken = TokenText(root, "unk_token"),
                ClsToken = TokenText(root, "cls_token"),
                SepToken = TokenText(root, "sep_token"),
                AddBosToken = Flag(root, "add_bos_token"),
                AddEosToken = Flag(root, "add_eos_token"),
                DoLowerCase = Flag(root, "do_lower_case"),
                StripAccents = Flag(root, "strip_accents"),
                TokenizeChineseChars = Flag(root, "tokenize_chinese_chars"),
            };
        }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{path}: not valid JSON ({e.Message}); restore the file from the model's repository.", e);
        }
    }

    // Special tokens are written either as a string or as {"content": "...", ...}.
    static string? TokenText(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("content", out var content) => content.GetString(),
            _ => null,
        };
    }

    static bool? Flag(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
