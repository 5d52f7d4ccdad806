namespace Studies.Analysis.Diff;

/// <summary>The model pairs of one study present in both runs, the rule that made them, and models left without a partner.</summary>
public sealed record StudyPairing(
    string Study,
    PairingRule Rule,
    IReadOnlyList<ModelPair> Pairs,
    IReadOnlyList<string> UnpairedModelsA,
    IReadOnlyList<string> UnpairedModelsB)
{
    /// <summary>The rule in words, for reports.</summary>
    public string RuleText => Rule switch
    {
        PairingRule.SameModel => "same model names: each model with itself",
        PairingRule.ByRole => Prefix + "one model per role on each side: paired by role",
        _ => Prefix + "paired by position in the study's model list",
    };

    private string Prefix => Pairs.Any(p => p.SameName) ? "shared names with themselves; the others " : "";
}
