using Microsoft.Extensions.Logging;

namespace Studies.Analysis.Diff;

/// <summary>
/// `studies diff` without the console: checks the request, reads both runs, compares them, evaluates the gate and
/// writes the report. Bad input throws <see cref="DiffInputException"/> before anything is written.
/// </summary>
public static class DiffRunner
{
    public static async Task<DiffOutcome> RunAsync(DiffRequest request, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FailOnRegression is { } threshold)
        {
            RegressionGate.Validate(threshold);
        }

        if (request.Options.MaxFlipsShown < 0)
        {
            throw new DiffInputException($"--max-flips must be 0 or more; got {request.Options.MaxFlipsShown}.");
        }

        var a = RunResultsReader.Read(request.RunA, logger);
        var b = RunResultsReader.Read(request.RunB, logger);
        var diff = RunDiffer.Compare(a, b, request.Options);
        var gate = request.FailOnRegression is { } x ? RegressionGate.Evaluate(diff, x) : null;
        string folder = string.IsNullOrWhiteSpace(request.Output) ? DiffFolders.Default(a, b) : request.Output;
        var files = await DiffWriter.WriteAsync(diff, folder, gate, cancellationToken).ConfigureAwait(false);
        return new DiffOutcome(diff, files, gate);
    }
}
