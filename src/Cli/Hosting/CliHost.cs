using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Studies.Backends.Catalog;

namespace Studies.Cli.Hosting;

/// <summary>
/// The Generic Host every command runs in: configuration, DI and logging (warnings by default, everything with
/// --verbose; always to stderr so stdout stays clean for --json).
/// </summary>
internal static class CliHost
{
    public static IHost Build(bool verbose, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddEnvironmentVariables("STUDIES_");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.AddSingleton(_ => ModelCatalog.Default());
        builder.Services.AddSingleton<ModelLoader>();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
