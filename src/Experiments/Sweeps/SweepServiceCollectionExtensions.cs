using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studies.Experiments.Engine;

namespace Studies.Experiments.Sweeps;

/// <summary>DI registration of the sweep daemon.</summary>
public static class SweepServiceCollectionExtensions
{
    /// <summary>
    /// Registers the daemon as a hosted service with its state folder, sources and tracker. The engine (and the kinds,
    /// backends) must be registered too; an <see cref="ISweepReporter"/> registered before or after replaces the null one.
    /// </summary>
    public static IServiceCollection AddSweepDaemon(this IServiceCollection services, SweepDaemonOptions options)
    {
        services.AddStudiesEngine();
        services.AddSingleton(options);
        services.AddSingleton(new SweepStateStore(options.StateDirectory));
        services.AddSingleton<SweepSources>();
        services.AddSingleton<SweepTracker>();
        services.AddSingleton<SweepDaemonOutcome>();
        services.TryAddSingleton<ISweepReporter, NullSweepReporter>();
        services.AddHostedService<SweepDaemonService>();
        return services;
    }
}
