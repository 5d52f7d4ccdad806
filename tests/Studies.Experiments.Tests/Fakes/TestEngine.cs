using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Studies.Experiments.Engine;
using Studies.Experiments.Kinds;
using Studies.Experiments.Models;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;

namespace Studies.Experiments.Tests.Fakes;

/// <summary>The engine wired through DI as the CLI would, with the fake kind and fake provider injected on purpose.</summary>
public sealed class TestEngine : IDisposable
{
    private readonly ServiceProvider _services;

    public TestEngine(string resultsRoot, IModelProvider? provider = null, IStudyKind? kind = null, Action<SchedulerOptions>? scheduler = null, IStudyKind? extraKind = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStudiesEngine();
        services.AddSingleton(kind ?? new FakeStudyKind());
        if (extraKind is not null)
        {
            services.AddSingleton(extraKind);
        }
        if (provider is not null)
        {
            services.AddSingleton(provider);
        }

        services.Configure<ResultsOptions>(o => o.Root = resultsRoot);
        services.Configure<SchedulerOptions>(o =>
        {
            o.ProgressInterval = TimeSpan.FromMilliseconds(20);
            scheduler?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
    }

    public StudyEngine Engine => _services.GetRequiredService<StudyEngine>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ResultsOptions Results => _services.GetRequiredService<IOptions<ResultsOptions>>().Value;

    public void Dispose() => _services.Dispose();
}
