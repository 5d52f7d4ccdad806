using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Engine;

/// <summary>
/// The whole flow behind `studies validate` and `studies run`: YAML → validation (both phases) → models → plan →
/// results folder → scheduler. Problems come back as data (file:line:column and what to do), never as exceptions.
/// </summary>
public sealed class StudyEngine(
    StudyValidator validator,
    ModelLoader modelLoader,
    StudyPlanner planner,
    StudyRunner runner,
    IOptions<ResultsOptions> resultsOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<StudyEngine>();

    /// <summary>
    /// Checks a study file: syntax, keys, kinds, conditions, datasets, models; with <paramref name="loadModels"/> also
    /// what needs the models (capabilities, vocabulary) and the plan (prompts, trial counts).
    /// </summary>
    public async Task<ValidationReport> ValidateAsync(string studyFile, StudySelection selection, bool loadModels, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(studyFile, selection, loadModels, NullRunProgress.Instance, cancellationToken).ConfigureAwait(false);
        await using (prepared.Models.ConfigureAwait(false))
        {
            return new ValidationReport
            {
                Problems = prepared.Problems,
                Warnings = prepared.Plan?.Warnings ?? [],
                TrialsPerStudy = prepared.Plan?.TrialsPerStudy ?? [],
                ConfigHash = prepared.Plan?.ConfigHash,
            };
        }
    }

    /// <summary>
    /// Validates, plans and runs. <paramref name="stopToken"/> (Ctrl+C, SIGTERM) stops taking trials and finishes the
    /// in-flight ones; <paramref name="abortToken"/> cuts them short.
    /// </summary>
    public async Task<RunResult> RunAsync(StudyRunRequest request, IRunProgress progress, CancellationToken stopToken, CancellationToken abortToken = default)
    {
        Prepared prepared;
        try
        {
            prepared = await PrepareAsync(request.StudyFile, request.Selection, loadModels: true, progress, stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            return new RunResult { Status = RunStatus.Interrupted, Message = "Interrupted before any trial ran." };
        }

        await using (prepared.Models.ConfigureAwait(false))
        {
            var warnings = prepared.Plan?.Warnings ?? [];
            if (prepared.Problems.Count > 0 || prepared.Plan is not { } plan || prepared.File is not { } file)
            {
                return new RunResult
                {
                    Status = RunStatus.Invalid,
                    Problems = prepared.Problems,
                    Warnings = warnings,
                    Message = $"{prepared.Problems.Count} problem{(prepared.Problems.Count == 1 ? "" : "s")} found in {request.StudyFile}; nothing was run. Fix them and run again.",
                };
            }

            var opened = OpenStore(request, file, plan, prepared.Models);
            if (opened.Store is not { } store)
            {
                var at = new SourceLocation(request.OutputFolder ?? resultsOptions.Value.Root, 0, 0);
                return new RunResult { Status = RunStatus.Invalid, Problems = [new StudyProblem(at, opened.Problem!)], Warnings = warnings, Message = opened.Problem! };
            }

            using (store)
            {
                var outcome = await runner.RunAsync(plan, store, progress, stopToken, abortToken).ConfigureAwait(false);
                return new RunResult
                {
                    Status = outcome.Status,
                    Warnings = warnings,
                    Folder = store.Folder,
                    Resumed = store.Resumed,
                    Outcome = outcome,
                    Message = outcome.Message,
                };
            }
        }
    }

    private async Task<Prepared> PrepareAsync(string studyFile, StudySelection selection, bool loadModels, IRunProgress progress, CancellationToken cancellationToken)
    {
        Notify(progress, RunStage.Validating, studyFile);
        var loaded = StudyFileLoader.Load(studyFile);
        var validation = await validator.ValidateAsync(loaded, selection, cancellationToken).ConfigureAwait(false);
        var problems = validation.Problems.ToList();
        var models = new ModelSet([]);
        if (validation.File is null || !loadModels || validation.Studies.Count == 0)
        {
            return new Prepared(validation.File, problems, models, null);
        }

        // Phase two runs for the studies that resolved, even when others have problems: one pass reports everything.
        Notify(progress, RunStage.LoadingModels, string.Join(", ", validation.Studies.SelectMany(s => s.Spec.Models).Select(m => m.DisplayName).Distinct()));
        models = await modelLoader.LoadAsync(validation.Studies.SelectMany(s => s.Spec.Models), problems, cancellationToken).ConfigureAwait(false);
        try
        {
            problems.AddRange(validator.CheckModels(validation.Studies, models));
            if (problems.Count > 0)
            {
                return new Prepared(validation.File, problems, models, null);
            }

            Notify(progress, RunStage.Planning, $"{validation.Studies.Count} studies");
            var plan = await planner.PlanAsync(validation.File, validation.Studies, models, cancellationToken).ConfigureAwait(false);
            problems.AddRange(plan.Problems);
            return new Prepared(validation.File, problems, models, plan);
        }
        catch
        {
            await models.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private RunStoreOpenResult OpenStore(StudyRunRequest request, StudyFile file, StudyPlan plan, ModelSet models)
    {
        var options = resultsOptions.Value;
        string root = Path.IsPathRooted(options.Root) ? options.Root : Path.GetFullPath(options.Root);
        string folder = request.OutputFolder
            ?? (request.ForceNew ? null : RunFolders.FindResumable(root, file.Name, plan.ConfigHash))
            ?? RunFolders.NewFolder(root, file.Name, time.GetUtcNow());
        var now = time.GetUtcNow();
        var manifest = new RunManifest
        {
            ConfigName = file.Name,
            ConfigHash = plan.ConfigHash,
            Config = plan.Config,
            Models = models.Models.Select(m => m.Model.Info).ToArray(),
            CreatedUtc = now,
        };
        var session = new RunSession
        {
            StartedUtc = now,
            Args = request.Args,
            Studies = request.Selection.Studies,
            Limit = request.Selection.Limit,
            Host = HostInfo.Current(),
        };
        return RunStore.Open(new RunStoreRequest { Folder = folder, Manifest = manifest, Session = session, ForceNew = request.ForceNew },
            options, time, loggerFactory.CreateLogger<RunStore>());
    }

    private void Notify(IRunProgress progress, RunStage stage, string detail)
    {
        try
        {
            progress.StageChanged(stage, detail);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "The progress observer failed; the run goes on");
        }
    }

    private sealed record Prepared(StudyFile? File, List<StudyProblem> Problems, ModelSet Models, StudyPlan? Plan);
}
