namespace Studies.Analysis.Diff;

/// <summary>How the models of one study in run A were matched with those in run B (see <see cref="ModelPairing"/>).</summary>
public enum PairingRule
{
    /// <summary>Both runs have the same model names: each model is paired with itself.</summary>
    SameModel,

    /// <summary>Models whose names differ have exactly one per role on each side, and the same roles: base ↔ base, assistant ↔ assistant.</summary>
    ByRole,

    /// <summary>Otherwise: the i-th model (of those whose names differ) in A with the i-th in B; extra models stay unpaired.</summary>
    ByPosition,
}
