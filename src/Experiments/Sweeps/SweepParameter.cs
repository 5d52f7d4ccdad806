namespace Studies.Experiments.Sweeps;

/// <summary>One parameter axis value of a point.</summary>
public sealed record SweepParameter(string Name, string Value);
