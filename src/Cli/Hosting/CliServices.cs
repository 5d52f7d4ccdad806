using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studies.Analysis.Runs;
using Studies.Experiments.Engine;
using Studies.Experiments.Models;

namespace Studies.Cli.Hosting;

/// <summary>The services of the commands that run studies: the engine, both backends and the reporter.</summary>
internal static class CliServices
{
    public static IServiceCollection AddStudiesCli(this IServiceCollection services)
    {
        services.AddStudiesEngine();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, RemoteModelProvider>());
        services.TryAddSingleton<RunReporter>();
        return services;
    }
}
