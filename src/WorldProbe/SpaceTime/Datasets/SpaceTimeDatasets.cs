using WorldProbe.Runs;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// The registry of space and time datasets vendored under data/spacetime/: load any of them by name.
/// </summary>
public static class SpaceTimeDatasets
{
    /// <summary>One registered dataset: its name, file (relative to data/spacetime/), kind and reader.</summary>
    /// <param name="Name">Registry name.</param>
    /// <param name="RelativePath">The file under data/spacetime/.</param>
    /// <param name="Kind">Place or time.</param>
    /// <param name="Description">What the rows are.</param>
    /// <param name="Reader">Loads the file at a path.</param>
    public sealed record Registration(string Name, string RelativePath, TargetKind Kind, string Description, Func<string, EntityDataset> Reader);

    /// <summary>Every dataset, in listing order.</summary>
    public static IReadOnlyList<Registration> All { get; } =
    [
        new(WorldPlaceReader.Dataset, "world-models/world_place.csv", TargetKind.Place, "world places: structures, natural and populated places (Wikipedia)", WorldPlaceReader.Read),
        new(UsPlaceReader.Dataset, "world-models/us_place.csv", TargetKind.Place, "US places: cities, zips, counties, colleges, landmarks", UsPlaceReader.Read),
        new(NycPlaceReader.Dataset, "world-models/nyc_place.csv", TargetKind.Place, "New York City points of interest", NycPlaceReader.Read),
        new(ArtReader.Dataset, "world-models/art.csv", TargetKind.Time, "songs, movies and books with release dates", ArtReader.Read),
        new(PantheonReader.Dataset, "pantheon/pantheon.tsv", TargetKind.Time, "historical people (Pantheon 1.0) with birth years", PantheonReader.Read),
        new(NytGeneralHeadlineReader.Dataset, "headlines/nyt-general/nyt_headlines.csv", TargetKind.Time, "NYT headlines 1991-2020 with news desk (year only)", NytGeneralHeadlineReader.Read),
        new(DatedHeadlineReader.NytEpu, "headlines/nyt-epu-rwig/headlines.csv", TargetKind.Time, "dated NYT economy/policy headlines 1980-2024",
            path => DatedHeadlineReader.Read(path, DatedHeadlineReader.NytEpuSource)),
        new(DatedHeadlineReader.Abc, "headlines/abcnews-sample/abcnews_sample.csv", TargetKind.Time, "dated ABC News (Australia) headlines 2003-2020",
            path => DatedHeadlineReader.Read(path, DatedHeadlineReader.AbcSource)),
    ];

    /// <summary>The registered names.</summary>
    public static IReadOnlyList<string> Names => All.Select(r => r.Name).ToArray();

    /// <summary>The default data folder: data/spacetime/ of the checkout.</summary>
    public static string DefaultDataRoot => RepositoryRoot.Resolve(Path.Combine("data", "spacetime"));

    /// <summary>The registration of <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public static Registration Find(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new WorldProbeException(
            $"unknown space/time dataset '{name}'. Known datasets: {string.Join(", ", Names)}.");

    /// <summary>Loads <paramref name="name"/> from data/spacetime/ of the checkout.</summary>
    public static EntityDataset Load(string name) => Load(name, DefaultDataRoot);

    /// <summary>Loads <paramref name="name"/> from the data folder <paramref name="dataRoot"/> (laid out like data/spacetime/).</summary>
    public static EntityDataset Load(string name, string dataRoot)
    {
        var registration = Find(name);
        return registration.Reader(Path.Combine(dataRoot, registration.RelativePath));
    }
}
