using Microsoft.Extensions.Logging;
using Studies.Experiments.Config;
using Studies.Experiments.Datasets;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Models;

namespace Studies.Experiments.Validation;

/// <summary>
/// Checks a study file in two phases, collecting every problem rather than stopping at the first. Phase one needs no
/// model: kinds and condition types (with "did you mean"), the kind's own checks, datasets (files, fields, rows) and
/// whether each model can be found. Phase two (<see cref="CheckModels"/>) needs the models loaded: capabilities the
/// kinds require, chat templates for assistants, and text in the data the model's vocabulary cannot encode.
/// </summary>
public sealed class StudyValidator(StudyKindRegistry kinds, ModelProviders providers, ILogger<StudyValidator> logger)
{
    private const int EncodingProblemsPerStudy = 10;

    public async Task<ValidationResult> ValidateAsync(StudyFileLoadResult loaded, StudySelection selection, CancellationToken cancellationToken)
    {
        var problems = new List<StudyProblem>(loaded.Problems);
        if (loaded.File is not { } file)
        {
            return new ValidationResult(null, [], problems);
        }

        foreach (string name in selection.Studies.Where(n => file.Studies.All(s => s.Name != n)))
        {
            var names = file.Studies.Select(s => s.Name).ToArray();
            problems.Add(new StudyProblem(new SourceLocation(file.Path, 0, 0),
                $"no study named '{name}' in {file.Path}.{Suggestions.DidYouMean(name, names)} Studies: {string.Join(", ", names)}."));
        }

        CheckModelNames(file, problems);
        var resolved = new List<ResolvedStudy>();
        foreach (var study in file.Studies.Where(s => selection.Includes(s.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Datasets are read from disk: keep that off the caller's thread.
            var result = await Task.Run(() => ValidateStudy(study, selection, problems), cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                resolved.Add(result);
            }
        }

        logger.LogInformation("Validated {File}: {Studies} studies, {Problems} problems", file.Path, resolved.Count, problems.Count);
        return new ValidationResult(file, resolved, problems);
    }

    /// <summary>Phase two: what needs the loaded models.</summary>
    public IReadOnlyList<StudyProblem> CheckModels(IReadOnlyList<ResolvedStudy> studies, ModelSet models)
    {
        var problems = new List<StudyProblem>();
        foreach (var study in studies)
        {
            foreach (var spec in study.Spec.Models)
            {
                if (models.Find(spec) is not { } model)
                {
                    continue; // not loaded: that problem is already reported
                }

                CheckRole(model, problems);
                CheckRequirements(study, model, problems);
                CheckData(study, model, problems);
                CheckEncodable(study, model, problems);
            }
        }

        return problems;
    }

    private ResolvedStudy? ValidateStudy(StudySpec study, StudySelection selection, List<StudyProblem> problems)
    {
        var local = new List<StudyProblem>();
        if (!kinds.TryGet(study.Definition.Kind, out var kind))
        {
            local.Add(new StudyProblem(study.KindLocation, UnknownKind(study.Definition.Kind)));
        }
        else
        {
            foreach (var condition in study.Definition.Conditions.Where(c => !kind.ConditionTypes.Contains(c.Type)))
            {
                local.Add(new StudyProblem(condition.Location,
                    $"unknown condition type '{condition.Type}' for kind '{kind.Name}'.{Suggestions.DidYouMean(condition.Type, kind.ConditionTypes)} Known types: {string.Join(", ", kind.ConditionTypes)}."));
            }
        }

        foreach (var spec in study.Models)
        {
            if (providers.Find(spec.Backend) is not { } provider)
            {
                local.Add(new StudyProblem(spec.Location, providers.Unknown(spec.Backend)));
            }
            else if (provider.Locate(spec) is { Found: false } lookup)
            {
                local.Add(new StudyProblem(spec.Location, lookup.Problem!));
            }
        }

        var data = DatasetLoader.Load(study, selection.LimitFor(study.Limit), local);
        var definition = data is null ? study.Definition : study.Definition with { Labels = data.Labels };
        if (kind is not null)
        {
            try
            {
                // Conditions of unknown types are already reported; the kind checks the others.
                var known = definition with { Conditions = definition.Conditions.Where(c => kind.ConditionTypes.Contains(c.Type)).ToArray() };
                local.AddRange(kind.Validate(known));
            }
            catch (Exception e)
            {
                local.Add(new StudyProblem(study.Definition.Location,
                    $"the '{kind.Name}' kind failed while checking study '{study.Name}': {e.Message} (a bug in the kind; please report it)."));
            }
        }

        lock (problems)
        {
            problems.AddRange(local);
        }

        return kind is not null && data is not null && local.Count == 0 ? new ResolvedStudy(study, kind, definition, data) : null;
    }

    private string UnknownKind(string name) => kinds.Names.Count == 0
        ? $"unknown study kind '{name}': no study kinds are registered in this build."
        : $"unknown study kind '{name}'.{Suggestions.DidYouMean(name, kinds.Names)} Known kinds: {string.Join(", ", kinds.Names)}.";

    /// <summary>The kind's checks of the data as a model with this role will see it (pool size for the shots, label space...).</summary>
    private static void CheckData(ResolvedStudy study, LoadedModel model, List<StudyProblem> problems)
    {
        try
        {
            var context = new StudyContext(study.Definition, study.Data.Items, study.Data.Demos, model.Name, model.Role);
            foreach (var problem in study.Kind.ValidateData(context))
            {
                if (!problems.Contains(problem))
                {
                    problems.Add(problem); // the same data problem is reported once, not once per model
                }
            }
        }
        catch (Exception e)
        {
            problems.Add(new StudyProblem(study.Definition.Location,
                $"the '{study.Kind.Name}' kind failed while checking the data of study '{study.Name}': {e.Message} (a bug in the kind; please report it)."));
        }
    }

    /// <summary>Results name models by display name, so one name must mean one model across the file.</summary>
    private static void CheckModelNames(StudyFile file, List<StudyProblem> problems)
    {
        var all = file.Studies.SelectMany(s => s.Models).Concat(file.Defaults.Models);
        foreach (var group in all.GroupBy(m => m.DisplayName, StringComparer.Ordinal))
        {
            var distinct = group.DistinctBy(m => m.Identity).ToArray();
            if (distinct.Length > 1)
            {
                problems.Add(new StudyProblem(distinct[1].Location,
                    $"the model name '{group.Key}' has different settings here than at line {distinct[0].Location.Line}: give one an alias: so results can tell them apart."));
            }
        }
    }

    private static void CheckRole(LoadedModel model, List<StudyProblem> problems)
    {
        var caps = model.Model.Capabilities;
        if (model.Role == ModelRole.Assistant && !caps.Chat)
        {
            problems.Add(new StudyProblem(model.Spec.Location,
                $"model '{model.Name}' is used as an assistant (role: assistant) but has no chat template: add chat_template: chatml (or the template it was tuned with) to its entry, or use role: base."));
        }
        else if (model.Role == ModelRole.Base && !caps.RawCompletion)
        {
            problems.Add(new StudyProblem(model.Spec.Location,
                $"model '{model.Name}' is used as a base model but its backend ({model.Spec.Backend}) only takes chat prompts: use role: assistant."));
        }
    }

    private static void CheckRequirements(ResolvedStudy study, LoadedModel model, List<StudyProblem> problems)
    {
        IReadOnlyList<RequiredCapability> requirements;
        try
        {
            requirements = study.Kind.Requirements(study.Definition);
        }
        catch (Exception e)
        {
            problems.Add(new StudyProblem(study.Definition.Location,
                $"the '{study.Kind.Name}' kind failed to list its requirements for study '{study.Name}': {e.Message} (a bug in the kind; please report it)."));
            return;
        }

        foreach (var requirement in requirements.Where(r => !r.IsMet(model.Model.Capabilities)))
        {
            problems.Add(new StudyProblem(study.Spec.KindLocation,
                $"study '{study.Name}' (kind {study.Kind.Name}) needs {requirement.Name}, which model '{model.Name}' (backend {model.Spec.Backend}) lacks: {requirement.Alternative}"));
        }
    }

    /// <summary>
    /// Text a vocabulary without byte fallback cannot encode would abort llama.cpp (or fail every trial): find it in
    /// the items, the demonstrations, the labels and the study's text parameters before anything runs.
    /// </summary>
    private static void CheckEncodable(ResolvedStudy study, LoadedModel model, List<StudyProblem> problems)
    {
        var found = new RowProblems(study.Spec.Dataset.Location.File, problems, EncodingProblemsPerStudy);
        var lm = model.Model;
        foreach (var item in study.Data.Items.Concat(study.Data.Demos))
        {
            foreach (var (field, text) in Texts(item))
            {
                if (lm.FindUnencodable(text) is { Count: > 0 } bad)
                {
                    found.Add(study.Data.LocationOf(item),
                        $"item '{item.Id}' ({field}) of study '{study.Name}': model '{model.Name}' cannot encode {Characters.Describe(bad)}: remove or replace these characters in the data, drop the item, or use a model whose vocabulary has byte fallback.");
                    break;
                }
            }
        }

        foreach (string label in study.Definition.Labels)
        {
            if (lm.FindUnencodable(label) is { Count: > 0 } bad)
            {
                var at = study.Spec.LabelsLocation.Line > 0 ? study.Spec.LabelsLocation : study.Spec.Dataset.Location;
                found.Add(at, $"the label '{label}' of study '{study.Name}': model '{model.Name}' cannot encode {Characters.Describe(bad)}: rename the label (label_map: or labels:).");
            }
        }

        var texts = study.Definition.Parameters.Select(p => (Where: $"parameter '{p.Key}'", At: study.Definition.Location, p.Value))
            .Concat(study.Definition.Conditions.SelectMany(c => c.Parameters.Select(p => (Where: $"parameter '{p.Key}' of condition '{c.Name}'", At: c.Location, p.Value))));
        foreach (var (where, at, value) in texts)
        {
            if (value is string s && lm.FindUnencodable(s) is { Count: > 0 } bad)
            {
                found.Add(at, $"{where} of study '{study.Name}': model '{model.Name}' cannot encode {Characters.Describe(bad)}: rewrite the text without them.");
            }
        }

        found.Complete();
    }

    private static IEnumerable<(string Field, string Text)> Texts(StudyItem item)
    {
        yield return ("input", item.Input);
        if (item.Context is { } context)
        {
            yield return ("context", context);
        }

        if (item.Label is { } label)
        {
            yield return ("label", label);
        }

        if (item.Answer is { } answer)
        {
            yield return ("answer", answer);
        }

        if (item.Explanation is { } explanation)
        {
            yield return ("explanation", explanation);
        }

        for (int i = 0; i < item.Choices.Count; i++)
        {
            yield return ($"choice {(char)('A' + i)}", item.Choices[i]);
        }
    }
}
