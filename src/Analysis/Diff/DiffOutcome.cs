namespace Studies.Analysis.Diff;

/// <summary>A finished diff: the comparison, the files written, and the gate's verdict when one was asked for.</summary>
public sealed record DiffOutcome(RunDiff Diff, DiffFiles Files, GateResult? Gate)
{
    /// <summary>1 when the regression gate failed, else 0 (bad input never gets here: it throws <see cref="DiffInputException"/>, exit 2).</summary>
    public int ExitCode => Gate is { Passed: false } ? 1 : 0;
}
