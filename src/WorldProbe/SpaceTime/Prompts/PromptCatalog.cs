using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.SpaceTime.Prompts;

/// <summary>
/// The paper's prompts by name, which of them apply to which dataset (a table, not code paths), and
/// rendering a prompt for an entity with its span recorded.
/// </summary>
public static class PromptCatalog
{
    /// <summary>Every prompt template.</summary>
    public static IReadOnlyList<PromptTemplate> Templates { get; } =
    [
        new("empty", "", "", false, 0, FinalPunctuation.None, "the entity alone"),
        new("empty_all_caps", "", "", true, 0, FinalPunctuation.None, "the entity alone, upper-cased"),
        new("random", "", "", false, RandomPrefix.PaperTokenCount, FinalPunctuation.None, "10 random token ids, then the entity"),
        new("coords", "What are the lat/lon coordinates of ", "", false, 0, FinalPunctuation.None, "world and US places"),
        new("where_is", "Where is ", "", false, 0, FinalPunctuation.None, "world and NYC places"),
        new("where_us", "Where in the United States is ", "", false, 0, FinalPunctuation.None, "US places"),
        new("where_nyc", "Where in New York City is ", "", false, 0, FinalPunctuation.None, "NYC places"),
        new("when", "When was ", " born?", false, 0, FinalPunctuation.None, "people (the paper's \"When did \" reworded for birth years); probes the entity, not '?'"),
        new("when_all_caps", "When was ", " born?", true, 0, FinalPunctuation.None, "people, name upper-cased"),
        new("release", "When was the release date of ", "", false, 0, FinalPunctuation.None, "songs, movies, books: \"{creator}'s {title}\""),
        new("empty_w_period", "", "", false, 0, FinalPunctuation.Period, "headline with its final period; probes the period"),
        new("empty_wo_period", "", "", false, 0, FinalPunctuation.None, "headline without its final period; probes its last token"),
        new("when_w_period", "Publication date of: ", "", false, 0, FinalPunctuation.Period, "headline with its final period; probes the period"),
        new("when_wo_period", "Publication date of: ", "", false, 0, FinalPunctuation.None, "headline without its final period; probes its last token"),
    ];

    static readonly string[] Headline = ["when_w_period", "when_wo_period", "empty_w_period", "empty_wo_period"];

    /// <summary>Which prompts apply to which dataset; the first is the paper's main prompt for it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByDataset { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [WorldPlaceReader.Dataset] = ["coords", "empty", "empty_all_caps", "random", "where_is"],
        [UsPlaceReader.Dataset] = ["coords", "empty", "random", "where_us"],
        [NycPlaceReader.Dataset] = ["where_nyc", "empty", "random", "where_is"],
        [ArtReader.Dataset] = ["release", "empty", "empty_all_caps", "random"],
        [PantheonReader.Dataset] = ["when", "empty", "random", "when_all_caps"],
        [NytGeneralHeadlineReader.Dataset] = Headline,
        [DatedHeadlineReader.NytEpu] = Headline,
        [DatedHeadlineReader.Abc] = Headline,
    };

    /// <summary>The template called <paramref name="name"/>; an unknown name lists the valid ones.</summary>
    public static PromptTemplate Get(string name) =>
        Templates.FirstOrDefault(t => t.Name == name) ?? throw new WorldProbeException(
            $"unknown prompt '{name}'. Valid prompts: {string.Join(", ", Templates.Select(t => t.Name))}.");

    /// <summary>The prompts that apply to <paramref name="dataset"/>, main prompt first.</summary>
    public static IReadOnlyList<string> For(string dataset) =>
        ByDataset.TryGetValue(dataset, out var names) ? names : throw new WorldProbeException(
            $"unknown space/time dataset '{dataset}'. Known datasets: {string.Join(", ", ByDataset.Keys)}.");

    /// <summary>The paper's main prompt for <paramref name="dataset"/>.</summary>
    public static string MainPrompt(string dataset) => For(dataset)[0];

    /// <summary>The template <paramref name="prompt"/>, checked to apply to <paramref name="dataset"/>.</summary>
    public static PromptTemplate GetFor(string dataset, string prompt)
    {
        var template = Get(prompt);
        var valid = For(dataset);
        return valid.Contains(prompt) ? template : throw new WorldProbeException(
            $"prompt '{prompt}' does not apply to dataset '{dataset}'. Prompts for {dataset}: {string.Join(", ", valid)}.");
    }

    /// <summary>Renders <paramref name="template"/> for <paramref name="entity"/>; <paramref name="baseSeed"/> seeds random prefixes.</summary>
    public static RenderedPrompt Render(PromptTemplate template, Entity entity, long baseSeed = 0)
    {
        string entityText = template.UpperCaseEntity ? entity.Name.ToUpperInvariant() : entity.Name;
        int start = template.Prefix.Length;
        int end = start + entityText.Length;
        string text = template.Prefix + entityText;
        int? probe = null;
        if (template.Punctuation == FinalPunctuation.Period)
        {
            if (entityText.EndsWith('?') || entityText.EndsWith('!')) probe = end - 1;
            else
            {
                probe = end;
                text += ".";
            }
        }
        text += template.Suffix;
        ulong? seed = template.RandomPrefixTokens > 0 ? RandomPrefix.Seed(entity.Dataset, entity.Id, baseSeed) : null;
        return new RenderedPrompt(entity.Id, template.Name, text, start, end, probe, template.RandomPrefixTokens, seed);
    }

    /// <summary>Renders the prompt named <paramref name="prompt"/> for every entity of <paramref name="dataset"/>, in dataset order.</summary>
    public static IReadOnlyList<RenderedPrompt> RenderAll(EntityDataset dataset, string prompt, long baseSeed = 0)
    {
        var template = GetFor(dataset.Name, prompt);
        return dataset.Entities.Select(e => Render(template, e, baseSeed)).ToArray();
    }
}
