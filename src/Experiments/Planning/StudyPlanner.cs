using Microsoft.Extensions.Logging;
using Studies.Backends;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Models;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Planning;

/// <summary>
/// Expands study × model × kind.Plan(...) into the run's deterministic trial list. Each trial's main prompt is rendered
/// once (ILanguageModel.Render) for its key and for ordering: by model (study-file order), then rendered prompt
/// (ordinal, stable), so trials that share a few-shot prefix run back to back and reuse the KV cache. Prompts the model
/// cannot encode are problems; prompts longer than the context are warnings (those trials would fail).
/// </summary>
public sealed class StudyPlanner(ILogger<StudyPlanner> logger)
{
    private const int ProblemsPerStudyModel = 5;

    public Task<StudyPlan> PlanAsync(StudyFile file, IReadOnlyList<ResolvedStudy> studies, ModelSet models, CancellationToken cancellationToken) =>
        Task.Run(() => Plan(file, studies, models, cancellationToken), cancellationToken);

    private StudyPlan Plan(StudyFile file, IReadOnlyList<ResolvedStudy> studies, ModelSet models, CancellationToken cancellationToken)
    {
        var problems = new List<StudyProblem>();
        var warnings = new List<StudyProblem>();
        var trials = new List<(PlannedTrial Trial, int ModelIndex)>();
        var perStudy = new List<KeyValuePair<string, int>>();
        foreach (var study in studies)
        {
            int before = trials.Count;
            foreach (var spec in study.Spec.Models)
            {
                if (models.Find(spec) is not { } model)
                {
                    continue;
                }

                PlanStudyModel(study, model, models.IndexOf(model), trials, problems, warnings, cancellationToken);
            }

            perStudy.Add(new(study.Name, trials.Count - before));
        }

        // Stable sort: equal prompts keep the kind's order.
        var ordered = trials.OrderBy(t => t.ModelIndex).ThenBy(t => t.Trial.RenderedPrompt, StringComparer.Ordinal).Select(t => t.Trial).ToArray();
        CheckDuplicateKeys(ordered, studies, problems);
        var config = ConfigBuilder.Build(file, studies, models);
        string hash = ConfigBuilder.Hash(config);
        logger.LogInformation("Planned {Trials} trials over {Studies} studies and {Models} models (config {Hash})",
            ordered.Length, studies.Count, models.Models.Count, hash[..12]);
        return new StudyPlan
        {
            Trials = ordered,
            Config = config,
            ConfigHash = hash,
            Problems = problems,
            Warnings = warnings,
            TrialsPerStudy = perStudy,
        };
    }

    private static void PlanStudyModel(ResolvedStudy study, LoadedModel model, int modelIndex, List<(PlannedTrial, int)> trials,
        List<StudyProblem> problems, List<StudyProblem> warnings, CancellationToken cancellationToken)
    {
        var context = new StudyContext(study.Definition, study.Data.Items, study.Data.Demos, model.Name, model.Role);
        var lm = model.Model;
        int contextLength = lm.Info.ContextLength;
        int reported = 0;
        int tooLong = 0;
        int encodingFailures = 0;
        try
        {
            foreach (var plan in study.Kind.Plan(context))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string rendered;
                try
                {
                    rendered = lm.Render(plan.Prompt);
                }
                catch (ModelBackendException e)
                {
                    Report(problems, ref reported, study.Spec.KindLocation, $"study '{study.Name}', condition '{plan.Condition}', item '{plan.ItemId}': model '{model.Name}' cannot render the prompt: {e.Message}");
                    continue;
                }

                if (lm.FindUnencodable(rendered) is { Count: > 0 } bad)
                {
                    encodingFailures++;
                    Report(problems, ref reported, ConditionLocation(study, plan.Condition),
                        $"study '{study.Name}', condition '{plan.Condition}', item '{plan.ItemId}': the prompt has {Characters.Describe(bad)}, which model '{model.Name}' cannot encode (from the kind's template or the condition's parameters): change that text.");
                    continue;
                }

                if (contextLength > 0 && lm.CountTokens(rendered) is var tokens && tokens + study.Definition.MaxTokens > contextLength && tooLong++ < ProblemsPerStudyModel)
                {
                    warnings.Add(new StudyProblem(ConditionLocation(study, plan.Condition),
                        $"study '{study.Name}', condition '{plan.Condition}', item '{plan.ItemId}': the prompt is {tokens} tokens and max_tokens is {study.Definition.MaxTokens}, but model '{model.Name}' holds {contextLength}: the trial may fail; use fewer shots or shorter items."));
                }

                string key = TrialKey.Compute(lm.Info.Sha256 ?? lm.Info.Location, model.Name, study.Name, plan.Condition, plan.ItemId, plan.Seed, plan.Facets, rendered);
                var trial = new PlannedTrial
                {
                    Plan = plan,
                    Model = model,
                    Key = key,
                    Study = study.Name,
                    Kind = study.Kind.Name,
                    RenderedPrompt = rendered,
                    PromptHash = TrialKey.Hash(rendered),
                };
                trials.Add((trial, modelIndex));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (StudyProblemsException e)
        {
            problems.AddRange(e.Problems.Where(p => !problems.Contains(p)));
        }
        catch (Exception e)
        {
            problems.Add(new StudyProblem(study.Definition.Location,
                $"the '{study.Kind.Name}' kind failed while planning study '{study.Name}' for model '{model.Name}': {e.Message} (a bug in the kind; please report it)."));
        }

        if (tooLong > ProblemsPerStudyModel)
        {
            warnings.Add(new StudyProblem(study.Definition.Location,
                $"... and {tooLong - ProblemsPerStudyModel} more prompts of study '{study.Name}' that may not fit model '{model.Name}'."));
        }

        if (encodingFailures > ProblemsPerStudyModel)
        {
            problems.Add(new StudyProblem(study.Definition.Location,
                $"... and {encodingFailures - ProblemsPerStudyModel} more prompts of study '{study.Name}' that model '{model.Name}' cannot encode."));
        }
    }

    private static void Report(List<StudyProblem> problems, ref int reported, SourceLocation at, string message)
    {
        if (reported++ < ProblemsPerStudyModel)
        {
            problems.Add(new StudyProblem(at, message));
        }
    }

    private static SourceLocation ConditionLocation(ResolvedStudy study, string condition) =>
        study.Definition.Conditions.FirstOrDefault(c => c.Name == condition)?.Location ?? study.Definition.Location;

    private static void CheckDuplicateKeys(IReadOnlyList<PlannedTrial> trials, IReadOnlyList<ResolvedStudy> studies, List<StudyProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            if (!seen.Add(trial.Key))
            {
                var at = studies.FirstOrDefault(s => s.Name == trial.Study)?.Definition.Location ?? SourceLocation.None;
                problems.Add(new StudyProblem(at,
                    $"the '{trial.Kind}' kind planned two identical trials in study '{trial.Study}' (condition '{trial.Plan.Condition}', item '{trial.Plan.ItemId}', seed {trial.Plan.Seed}): a kind must tell trials apart by condition, seed or facets (a bug in the kind)."));
                return;
            }
        }
    }
}
