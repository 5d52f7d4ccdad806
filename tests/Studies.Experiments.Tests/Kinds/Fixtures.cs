using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Tests.Kinds;

/// <summary>Fixed, tiny item sets the literal prompt tests are written against.</summary>
internal static class Fixtures
{
    public static readonly IReadOnlyList<string> Sentiment = ["happy", "sad"];

    public static IReadOnlyList<StudyItem> SentimentPool { get; } =
    [
        new() { Id = "d1", Input = "Tom got a new toy.", Label = "happy" },
        new() { Id = "d2", Input = "Lily lost her doll.", Label = "sad" },
        new() { Id = "d3", Input = "The sun was warm.", Label = "happy" },
        new() { Id = "d4", Input = "The dog was hurt.", Label = "sad" },
        new() { Id = "d5", Input = "Mom baked a cake.", Label = "happy" },
        new() { Id = "d6", Input = "Ben fell and cried.", Label = "sad" },
    ];

    public static IReadOnlyList<StudyItem> SentimentItems { get; } =
    [
        new() { Id = "q1", Input = "Sue found a puppy.", Label = "happy" },
        new() { Id = "q2", Input = "The rain ruined the day.", Label = "sad" },
    ];

    public static IReadOnlyList<StudyItem> ChoicePool { get; } =
    [
        new() { Id = "m1", Input = "What does a cat say?", Choices = ["woof", "meow", "moo"], Label = "B", Explanation = "Cats meow." },
        new() { Id = "m2", Input = "What is hot?", Choices = ["fire", "snow", "ice"], Label = "A", Explanation = "Fire gives off heat." },
        new() { Id = "m3", Input = "What do bees make?", Choices = ["milk", "wool", "honey"], Label = "C", Explanation = "Bees make honey from flowers." },
        new() { Id = "m4", Input = "Where do fish live?", Choices = ["in trees", "in water", "in sand"], Label = "B", Explanation = "Fish swim in water" },
    ];

    public static IReadOnlyList<StudyItem> ChoiceItems { get; } =
    [
        new() { Id = "c1", Input = "What color is the sky?", Choices = ["green", "blue", "red"], Label = "B" },
        new() { Id = "c2", Input = "What do cows drink?", Choices = ["water", "milk", "juice"], Answer = "A" },
    ];

    public static IReadOnlyList<StudyItem> NumberItems { get; } =
    [
        new() { Id = "n1", Input = "Tom has 2 apples and gets 3 more. How many apples does he have?", Answer = "5" },
    ];

    public static StudyDefinition Study(string kind, IReadOnlyList<ConditionSpec> conditions, IReadOnlyList<string>? labels = null,
        ScoringMethod scoring = ScoringMethod.LogLikelihood, IReadOnlyDictionary<string, object?>? parameters = null, IReadOnlyList<int>? seeds = null) =>
        new()
        {
            Name = $"{kind}-test",
            Kind = kind,
            Labels = labels ?? [],
            Seeds = seeds ?? [0],
            Scoring = scoring,
            Parameters = parameters ?? new Dictionary<string, object?>(),
            Conditions = conditions,
            Location = new SourceLocation("experiments.yaml", 3, 1),
        };

    public static ConditionSpec Condition(string type, params (string Key, object? Value)[] parameters) =>
        new()
        {
            Name = type,
            Type = type,
            Parameters = parameters.ToDictionary(p => p.Key, p => p.Value),
            Location = new SourceLocation("experiments.yaml", 10, 5),
        };

    public static StudyContext Context(StudyDefinition study, IReadOnlyList<StudyItem> items, IReadOnlyList<StudyItem> pool, ModelRole role = ModelRole.Base) =>
        new(study, items, pool, "test-model", role);

    public static IReadOnlyList<TrialPlan> Plan(IStudyKind kind, StudyContext context) => [.. kind.Plan(context)];

    /// <summary>The text of a base-model prompt.</summary>
    public static string Text(TrialPlan trial) => trial.Prompt.Text ?? throw new InvalidOperationException("expected a raw prompt");

    public static Task<TrialOutput> Run(TrialPlan trial, ILanguageModel model) => trial.Execute(model, CancellationToken.None);
}
