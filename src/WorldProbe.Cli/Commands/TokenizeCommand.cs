using System.CommandLine;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe tokenize`: a model's tokens for a text, with the characters each one covers.</summary>
public static class TokenizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The text to tokenize." };
        var model = new Option<string>("--model")
        {
            Description = "A model folder (tokenizer.json, tokenizer.model or vocab.txt), or an embedded model name: minilm (imported into the cache on first use).",
            DefaultValueFactory = _ => "minilm",
        };
        var noSpecial = new Option<bool>("--no-special") { Description = "Leave out the model's special tokens (BOS, [CLS]/[SEP])." };
        var json = CommonOptions.Json();
        var command = new Command("tokenize", "Show a model's token ids for a text and the characters each token covers.") { text, model, noSpecial, json };
        CommandAction.Set(command, parse =>
        {
            string name = parse.GetValue(model)!;
            string folder = EmbeddedModels.Names.Contains(name, StringComparer.OrdinalIgnoreCase) ? EmbeddedModels.Resolve(name) : name;
            using var tokenizer = TokenizerLoader.Load(folder);
            var encoded = tokenizer.Encode(parse.GetValue(text)!, addSpecialTokens: !parse.GetValue(noSpecial));
            var tokens = encoded.Ids.Select((id, i) => new
            {
                id,
                start = encoded.Spans[i].Start,
                end = encoded.Spans[i].End,
                text = encoded.TokenText(i),
                decoded = tokenizer.Decode([id], skipSpecialTokens: false),
            }).ToArray();
            if (parse.GetValue(json))
                CommonOptions.PrintJson(new { tokenizer = tokenizer.Kind.ToString(), source = tokenizer.SourcePath, tokenizer.VocabularySize, tokens });
            else
            {
                System.Console.Out.WriteLine($"{tokenizer.Kind} tokenizer, {tokenizer.VocabularySize} tokens: {tokenizer.SourcePath}");
                foreach (var token in tokens)
                    System.Console.Out.WriteLine($"{token.id,8}  [{token.start,4},{token.end,4})  {Show(token.text),-20} {Show(token.decoded)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static string Show(string s) => "\"" + s.Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
