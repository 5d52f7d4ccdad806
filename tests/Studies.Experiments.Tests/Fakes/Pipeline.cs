using Studies.Experiments.Config;
using Studies.Experiments.Kinds;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>Runs the engine's steps one by one (load, validate, load models, plan), failing the test on any problem.</summary>
public static class Pipeline
{
    public static async Task<(StudyPlan Plan, ModelSet Models)> PlanAsync(TestEngine engine, string studyFile, StudySelection? selection = null, bool checkModels = true)
    {
        var loaded = StudyFileLoader.Load(studyFile);
        var validation = await engine.Get<StudyValidator>().ValidateAsync(loaded, selection ?? StudySelection.All, CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems.Select(p => $"{p.Location}: {p.Message}")));
        var problems = new List<StudyProblem>();
        var models = await engine.Get<ModelLoader>().LoadAsync(validation.Studies.SelectMany(s => s.Spec.Models), problems, CancellationToken.None);
        if (checkModels)
        {
            problems.AddRange(engine.Get<StudyValidator>().CheckModels(validation.Studies, models));
        }

        Assert.Empty(problems);
        var plan = await engine.Get<StudyPlanner>().PlanAsync(validation.File!, validation.Studies, models, CancellationToken.None);
        return (plan, models);
    }
}
