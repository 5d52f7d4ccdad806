namespace Studies.Analysis.Diff;

/// <summary>A model of run A whose trials are compared with a model of run B, in one study.</summary>
public sealed record ModelPair(string Study, string ModelA, string RoleA, string ModelB, string RoleB)
{
    public bool SameName => string.Equals(ModelA, ModelB, StringComparison.Ordinal);

    /// <summary>"m" when both sides ran the same model, else "a → b".</summary>
    public string Label => SameName ? ModelA : $"{ModelA} → {ModelB}";
}
