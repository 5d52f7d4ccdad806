using System.Security.Cryptography;
using System.Text;
using Studies.Experiments.Config;
using Studies.Experiments.Datasets.Synthetic;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Datasets;

/// <summary>
/// Builds a synthetic dataset: <c>size</c> evaluation items from the "items" stream of the seed and a separate
/// demonstration pool (ids "NAME-demo-NNNN") from the "demos" stream, with no input repeated across both, so
/// demonstrations never leak evaluation items.
/// </summary>
internal static class SyntheticDatasets
{
    private const int DefaultDemos = 32;
    private const int Attempts = 1000;

    public static LoadedDataset? Generate(DatasetSpec spec, DemoSpec demos, string where, ICollection<StudyProblem> problems)
    {
        if (SyntheticGenerators.Find(spec.Synthetic!) is not { } generator)
        {
            problems.Add(new StudyProblem(spec.FileLocation,
                $"unknown synthetic dataset '{spec.Synthetic}' in {where}.{Suggestions.DidYouMean(spec.Synthetic!, SyntheticGenerators.Names)} Built-in generators: {string.Join(", ", SyntheticGenerators.Names)}."));
            return null;
        }

        if (spec.Choices > 0 && !generator.SupportsChoices)
        {
            problems.Add(new StudyProblem(spec.Location,
                $"the synthetic dataset '{generator.Name}' already has labels ({string.Join(", ", generator.Labels)}): remove choices: (it applies to {string.Join(", ", SyntheticGenerators.Names.Where(n => SyntheticGenerators.Find(n)!.SupportsChoices))})."));
            return null;
        }

        if (demos.File is not null)
        {
            problems.Add(new StudyProblem(demos.FileLocation,
                $"a synthetic dataset generates its own demonstrations: use demos: N (pool size) instead of demos.file in {where}."));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var location = spec.Location;
        var items = Make(generator, new StableRandom(spec.Seed, "items"), spec.Size, $"{generator.Name}-", spec, seen, location, problems);
        var pool = Make(generator, new StableRandom(spec.Seed, "demos"), demos.Size ?? DefaultDemos, $"{generator.Name}-demo-", spec, seen, location, problems);
        if (items is null || pool is null)
        {
            return null;
        }

        string settings = $"synthetic:{generator.Name}:v{SyntheticGenerators.Version}:size={spec.Size}:seed={spec.Seed}:choices={spec.Choices}:demos={pool.Count}";
        return new LoadedDataset
        {
            Items = items,
            Demos = pool,
            Labels = generator.Labels,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings))),
            AvailableItems = items.Count,
            Origins = items.Concat(pool).ToDictionary<StudyItem, StudyItem, SourceLocation>(i => i, _ => location, ReferenceEqualityComparer.Instance),
        };
    }

    private static List<StudyItem>? Make(ISyntheticGenerator generator, StableRandom random, int count, string prefix, DatasetSpec spec,
        HashSet<string> seen, SourceLocation location, ICollection<StudyProblem> problems)
    {
        var items = new List<StudyItem>(count);
        for (int i = 0; i < count; i++)
        {
            string id = $"{prefix}{i + 1:D4}";
            StudyItem? item = null;
            for (int attempt = 0; attempt < Attempts && item is null; attempt++)
            {
                var candidate = generator.Generate(random, id, spec.Choices);
                if (seen.Add(candidate.Context + "\n" + candidate.Input))
                {
                    item = candidate;
                }
            }

            if (item is null)
            {
                problems.Add(new StudyProblem(location,
                    $"the synthetic dataset '{generator.Name}' ran out of distinct items after {seen.Count}: lower size: or demos:."));
                return null;
            }

            items.Add(item);
        }

        return items;
    }
}
