using Studies.Experiments.Model;

namespace Studies.Experiments.Yaml;

/// <summary>
/// A node of a YAML document with where it was written. The study file is bound from these rather than from a
/// deserializer so that every key and value keeps its line:column for error messages.
/// </summary>
public abstract record ConfigNode(SourceLocation Location)
{
    /// <summary>What the node is, in words a YAML author knows ("a text value", "a list", "a mapping").</summary>
    public abstract string Describe();
}
