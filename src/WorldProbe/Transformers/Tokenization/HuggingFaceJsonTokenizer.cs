using Tokenizers.DotNet;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// A tokenizer.json run by Hugging Face's Rust tokenizers (through Tokenizers.DotNet), so ids are
/// exactly what transformers' fast tokenizer gives. Tokenizers.DotNet always applies the
/// post-processor and reports neither tokens nor offsets, so the special tokens it adds are removed
/// by position when not wanted, and spans come from the token strings (<see cref="TokenSurfaces"/>).
/// </summary>
public sealed class HuggingFaceJsonTokenizer : ITextTokenizer
{
    readonly Tokenizer native;
    readonly TokenizerJsonFile file;

    /// <summary>Loads <paramref name="path"/> (a tokenizer.json); <paramref name="config"/> names the special tokens.</summary>
    public HuggingFaceJsonTokenizer(string path, TokenizerConfigFile config)
    {
        file = TokenizerJsonFile.Read(path);
        try { native = new Tokenizer(path); }
        catch (TokenizerException e)
        {
            throw new WorldProbeException($"{path}: the Hugging Face tokenizers library rejected it ({e.Message}); restore tokenizer.json from the model's repository.", e);
        }
        int? Id(string? token) => token is not null && file.IdByToken.TryGetValue(token, out int id) ? id : null;
        int? templateFirst = file.TemplatePrefix.Length > 0 ? file.TemplatePrefix[0] : null;
        Special = new SpecialTokenIds(
            Bos: Id(config.BosToken) ?? templateFirst,
            Eos: Id(config.EosToken),
            Pad: Id(config.PadToken),
            Cls: Id(config.ClsToken),
            Sep: Id(config.SepToken),
            Unk: Id(config.UnkToken));
    }

    /// <inheritdoc/>
    public int VocabularySize => file.VocabularySize;
    /// <inheritdoc/>
    public SpecialTokenIds Special { get; }
    /// <inheritdoc/>
    public string SourcePath => file.Path;
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.HuggingFaceJson;

    /// <inheritdoc/>
    public TokenizedText Encode(string text, bool addSpecialTokens = true)
    {
        int[] all = [.. native.Encode(text).Select(id => (int)id)];
        int prefix = Math.Min(file.TemplatePrefix.Length, all.Length);
        int suffix = Math.Min(file.TemplateSuffix.Length, all.Length - prefix);
        var surfaces = new byte[]?[all.Length];
        for (int i = 0; i < all.Length; i++)
            surfaces[i] = i < prefix || i >= all.Length - suffix ? null : file.Surface(all[i]);
        var spans = TokenSurfaces.Align(text, surfaces);
        if (addSpecialTokens) return new TokenizedText(text, all, spans);
        int count = all.Length - prefix - suffix;
        return new TokenizedText(text, all.AsSpan(prefix, count).ToArray(), spans.AsSpan(prefix, count).ToArray());
    }

    /// <inheritdoc/>
    public string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens = true)
    {
        if (skipSpecialTokens) return native.Decode([.. ids.Select(id => (uint)id)]);
        // The native decoder always drops special tokens: decode the runs between them and put their text back.
        var text = new System.Text.StringBuilder();
        var run = new List<uint>();
        foreach (int id in ids)
        {
            if (file.SpecialTokenIds.Contains(id))
            {
                if (run.Count > 0) text.Append(native.Decode([.. run]));
                run.Clear();
                text.Append(file.TokenById[id]);
            }
            else run.Add((uint)id);
        }
        if (run.Count > 0) text.Append(native.Decode([.. run]));
        return text.ToString();
    }

    /// <inheritdoc/>
    public void Dispose() => native.Dispose();
}
