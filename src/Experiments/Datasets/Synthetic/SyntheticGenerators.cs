namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>The built-in generators by YAML name (<c>dataset: {synthetic: NAME}</c>).</summary>
public static class SyntheticGenerators
{
    /// <summary>Bump when a generator's output changes, so the config hash of runs on synthetic data changes too.</summary>
    public const int Version = 1;

    private static readonly ISyntheticGenerator[] All =
    [
        new SentimentGenerator(), new CountingGenerator(), new ArithmeticGenerator(), new StoryQaGenerator(), new ColorGenerator(),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(g => g.Name).ToArray();

    public static ISyntheticGenerator? Find(string name) => All.FirstOrDefault(g => g.Name == name);
}
