using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studies.Backends.Local;
using Studies.Experiments.Models;
using Studies.Experiments.Planning;
using Studies.Experiments.Kinds;
using Studies.Experiments.Kinds.Cot;
using Studies.Experiments.Kinds.Explanations;
using Studies.Experiments.Kinds.Icl;
using Studies.Experiments.Kinds.Uncertainty;
using Studies.Experiments.Results;
using Studies.Experiments.Scheduling;
using Studies.Experiments.Validation;

namespace Studies.Experiments.Engine;

/// <summary>DI registration of the study engine.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (validator, model loader with the local provider, the four built-in study kinds and their
    /// registry, planner, runner, <see cref="StudyEngine"/>) and binds its options to configuration sections
    /// "Scheduler", "Results" and "Local" (when configuration is registered). More kinds are added as
    /// <c>IStudyKind</c> singletons, other backends (remote) as <see cref="IModelProvider"/> singletons.
    /// </summary>
    public static IServiceCollection AddStudiesEngine(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.BindOptional<SchedulerOptions>(SchedulerOptions.Section);
        services.BindOptional<ResultsOptions>(ResultsOptions.Section);
        services.BindOptional<LocalBackendOptions>("Local");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, LocalModelProvider>());
        services.TryAddSingleton<ModelProviders>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStudyKind, IclStudyKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStudyKind, CotStudyKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStudyKind, ExplanationsStudyKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStudyKind, UncertaintyStudyKind>());
        services.TryAddSingleton<StudyKindRegistry>();
        services.TryAddSingleton<StudyValidator>();
        services.TryAddSingleton<ModelLoader>();
        services.TryAddSingleton<StudyPlanner>();
        services.TryAddSingleton<StudyRunner>();
        services.TryAddSingleton<StudyEngine>();
        services.TryAddSingleton<IRunProgress>(NullRunProgress.Instance);
        return services;
    }

    /// <summary>Binds options to a configuration section when an IConfiguration is registered (the host), else keeps defaults.</summary>
    private static void BindOptional<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(section).Bind(options));
    }

    /// <summary>Runs one study run as a hosted service (see <see cref="StudyRunService"/>), which stops the host when done.</summary>
    public static IServiceCollection AddStudyRunService(this IServiceCollection services, Action<StudyRunRequest> configure)
    {
        services.AddStudiesEngine();
        services.Configure(configure);
        services.TryAddSingleton<StudyRunService>();
        services.AddHostedService(sp => sp.GetRequiredService<StudyRunService>());
        return services;
    }
}
