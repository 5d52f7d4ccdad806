using Studies.Backends;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>
/// A tiny study kind for engine tests (the real kinds live elsewhere): condition types "plain" and "prefixed"
/// (parameter "prefix", text), one trial per seed × condition × item; it generates and compares with the gold label.
/// </summary>
public sealed class FakeStudyKind : IStudyKind
{
    public string Name { get; init; } = "fake";

    public IReadOnlyList<string> ConditionTypes { get; } = ["plain", "prefixed"];

    /// <summary>What the kind requires of a backend (none by default).</summary>
    public IReadOnlyList<RequiredCapability> Required { get; init; } = [];

    public IReadOnlyList<StudyProblem> Validate(StudyDefinition study)
    {
        var problems = new List<StudyProblem>();
        foreach (var c in study.Conditions.Where(c => c.Type == "prefixed"))
        {
            if (c.Parameters.GetValueOrDefault("prefix") is not string)
            {
                problems.Add(new StudyProblem(c.Location, $"condition '{c.Name}' needs prefix: (text)."));
            }
        }

        return problems;
    }

    public IReadOnlyList<RequiredCapability> Requirements(StudyDefinition study) => Required;

    public IEnumerable<TrialPlan> Plan(StudyContext context)
    {
        var conditions = context.Study.Conditions.Count > 0 ? context.Study.Conditions : [new ConditionSpec { Name = "plain", Type = "plain" }];
        foreach (int seed in context.Study.Seeds)
        {
            foreach (var condition in conditions)
            {
                string prefix = condition.Parameters.GetValueOrDefault("prefix") as string ?? "";
                foreach (var item in context.Items)
                {
                    string text = $"{prefix}{item.Input}";
                    var prompt = context.Role == ModelRole.Assistant ? ModelPrompt.User(text) : ModelPrompt.Raw(text + " Answer:");
                    var gold = item.Gold;
                    yield return new TrialPlan
                    {
                        Study = context.Study.Name,
                        Kind = Name,
                        Condition = condition.Name,
                        ItemId = item.Id,
                        Model = context.ModelName,
                        Seed = seed,
                        Prompt = prompt,
                        Facets = new Dictionary<string, string> { ["prefixed"] = prefix.Length > 0 ? "yes" : "no" },
                        Execute = async (model, ct) =>
                        {
                            var result = await model.GenerateAsync(new GenerationRequest
                            {
                                Prompt = prompt,
                                MaxTokens = context.Study.MaxTokens,
                                Sampling = context.Study.Sampling with { Seed = (uint)seed },
                            }, ct);
                            string prediction = result.Text.Trim().TrimEnd('.').ToLowerInvariant();
                            return new TrialOutput
                            {
                                Output = result.Text,
                                Prediction = prediction,
                                Gold = gold,
                                Correct = gold is null ? null : prediction == gold,
                                Scores = new Dictionary<string, double> { ["length"] = result.Text.Length, ["correct"] = prediction == gold ? 1 : 0 },
                                PromptTokens = result.PromptTokens,
                                CompletionTokens = result.CompletionTokens,
                                EvaluatedTokens = result.Timings.PromptTokensEvaluated,
                            };
                        },
                    };
                }
            }
        }
    }
}
