using Studies.Backends.Local;
using Studies.Experiments.Config;
using Studies.Experiments.Datasets;
using Studies.Experiments.Datasets.Synthetic;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Tests;

/// <summary>The built-in generators: deterministic, plain ASCII, encodable by the TinyStories-656K vocabulary, with explanations.</summary>
public sealed class SyntheticDatasetTests
{
    public static TheoryData<string, int> Generators => new()
    {
        { "sentiment", 0 }, { "color", 0 }, { "counting", 0 }, { "arithmetic", 0 }, { "story_qa", 0 },
        { "counting", 3 }, { "arithmetic", 4 }, { "story_qa", 3 },
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Same_seed_gives_the_same_items_and_another_seed_other_ones(string name, int choices)
    {
        var a = Generate(name, size: 50, seed: 1, choices);
        var b = Generate(name, size: 50, seed: 1, choices);
        var c = Generate(name, size: 50, seed: 2, choices);

        Assert.Equal(a.Items, b.Items, ItemComparer);
        Assert.Equal(a.Demos, b.Demos, ItemComparer);
        Assert.NotEqual(a.Items.Select(i => i.Input + i.Context), c.Items.Select(i => i.Input + i.Context));
        Assert.Equal(50, a.Items.Count);
        Assert.Equal(32, a.Demos.Count);
        Assert.Equal($"{name}-0001", a.Items[0].Id);
        Assert.Equal($"{name}-demo-0001", a.Demos[0].Id);
        Assert.Equal(82, a.Items.Concat(a.Demos).Select(i => i.Context + "|" + i.Input).Distinct().Count()); // demos never repeat eval items
    }

    [Fact]
    public void Items_are_pinned_so_changes_to_generators_are_deliberate()
    {
        var first = Generate("sentiment", 3, 1, 0).Items.Select(i => $"{i.Input} => {i.Label}").ToArray();
        var counting = Generate("counting", 1, 1, 0).Items[0];

        // If this fails because a generator was changed on purpose, bump SyntheticGenerators.Version and update it.
        Assert.Equal(3, first.Length);
        Assert.All(first, line => Assert.Matches(@"^[A-Z].*\. Is [A-Z][a-z]+ happy or sad\? => (happy|sad)$", line));
        Assert.Matches(@"^\w+ has \d \w+\. (He|She) (gets \d more|loses \d)\. How many \w+ does \w+ have now\?$", counting.Input);
        Assert.Equal(counting.Answer, System.Text.RegularExpressions.Regex.Match(counting.Explanation!, @"make (\d+)|is (\d+)").Groups.Values.Skip(1).First(g => g.Success).Value);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Items_are_ascii_complete_and_explained(string name, int choices)
    {
        var data = Generate(name, 200, 7, choices);
        var generator = SyntheticGenerators.Find(name)!;
        foreach (var item in data.Items.Concat(data.Demos))
        {
            foreach (string text in Texts(item))
            {
                Assert.True(text.All(c => c is >= ' ' and <= '~'), $"not plain ASCII: {text}");
                Assert.DoesNotMatch("[+=()#%&*/@\\[\\]^`{}~\\\\]", text);
            }

            Assert.False(string.IsNullOrWhiteSpace(item.Explanation));
            if (generator.Labels.Count > 0)
            {
                Assert.Contains(item.Label, generator.Labels);
            }
            else if (choices > 0)
            {
                Assert.Equal(choices, item.Choices.Count);
                Assert.Equal(choices, item.Choices.Distinct().Count());
                Assert.Matches("^[A-H]$", item.Answer);
                Assert.EndsWith($"The answer is {item.Answer}.", item.Explanation);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(item.Answer));
            }
        }

        if (name == "story_qa")
        {
            Assert.All(data.Items, i => Assert.NotNull(i.Context));
        }

        if (generator.Labels.Count > 0)
        {
            // Balanced enough that a majority-label baseline is not trivial.
            var counts = data.Items.GroupBy(i => i.Label).Select(g => g.Count()).ToArray();
            Assert.Equal(generator.Labels.Count, counts.Length);
            Assert.All(counts, c => Assert.InRange(c, 60, 140));
        }
    }

    [Fact]
    public async Task Every_generator_is_encodable_by_TinyStories_656K()
    {
        await using var model = LocalLanguageModel.Load(TestPaths.Model(TestPaths.TinyStories656K));
        foreach (string name in SyntheticGenerators.Names)
        {
            foreach (int choices in SyntheticGenerators.Find(name)!.SupportsChoices ? new[] { 0, 4 } : [0])
            {
                var data = Generate(name, 300, 11, choices);
                foreach (var item in data.Items.Concat(data.Demos))
                {
                    foreach (string text in Texts(item).Concat(data.Labels))
                    {
                        Assert.True(model.FindUnencodable(text).Count == 0, $"{name}: '{text}' has {string.Join(" ", model.FindUnencodable(text))}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Unknown_generators_and_misused_options_are_problems()
    {
        var problems = new List<StudyProblem>();
        Assert.Null(DatasetLoader.Load(Study(new DatasetSpec { Synthetic = "sentimnet" }), null, problems));
        Assert.Null(DatasetLoader.Load(Study(new DatasetSpec { Synthetic = "sentiment", Choices = 3 }), null, problems));

        Assert.Equal("unknown synthetic dataset 'sentimnet' in study 's'. Did you mean 'sentiment'? Built-in generators: sentiment, counting, arithmetic, story_qa, color.", problems[0].Message);
        Assert.StartsWith("the synthetic dataset 'sentiment' already has labels (happy, sad): remove choices:", problems[1].Message);
    }

    private static readonly IEqualityComparer<StudyItem> ItemComparer = EqualityComparer<StudyItem>.Create(
        (a, b) => a!.Id == b!.Id && a.Input == b.Input && a.Label == b.Label && a.Answer == b.Answer && a.Explanation == b.Explanation
            && a.Context == b.Context && a.Choices.SequenceEqual(b.Choices),
        i => i.Id.GetHashCode(StringComparison.Ordinal));

    private static IEnumerable<string> Texts(StudyItem item) =>
        new[] { item.Input, item.Label, item.Answer, item.Explanation, item.Context }.OfType<string>().Concat(item.Choices);

    private static LoadedDataset Generate(string name, int size, int seed, int choices)
    {
        var problems = new List<StudyProblem>();
        var data = DatasetLoader.Load(Study(new DatasetSpec { Synthetic = name, Size = size, Seed = seed, Choices = choices }), null, problems);
        Assert.Empty(problems);
        return data!;
    }

    private static StudySpec Study(DatasetSpec dataset) => new()
    {
        Definition = new StudyDefinition { Name = "s", Kind = "icl" },
        Dataset = dataset,
        Models = [],
    };
}
