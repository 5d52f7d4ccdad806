using Studies.Experiments.Results;

namespace Studies.Analysis.Diff;

/// <summary>A paired trial whose correctness differs between the runs, with both records (outputs, predictions, prompt hashes).</summary>
public sealed record FlippedItem(DiffGroupKey Group, FlipDirection Direction, TrialRecord A, TrialRecord B)
{
    /// <summary>Whether both sides saw the same rendered prompt (same hash): false across a base and an assistant model.</summary>
    public bool SamePrompt => string.Equals(A.PromptHash, B.PromptHash, StringComparison.Ordinal);
}
