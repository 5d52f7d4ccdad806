using Studies.Experiments.Model;

namespace Studies.Experiments.Yaml;

/// <summary>A YAML list.</summary>
public sealed record ConfigSequence(IReadOnlyList<ConfigNode> Items, SourceLocation Location) : ConfigNode(Location)
{
    public override string Describe() => "a list";
}
