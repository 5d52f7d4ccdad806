using Studies.Experiments.Model;

namespace Studies.Experiments.Yaml;

/// <summary>A YAML mapping with its entries in document order (duplicate keys are reported when the tree is read).</summary>
public sealed record ConfigMapping(IReadOnlyList<ConfigEntry> Entries, SourceLocation Location) : ConfigNode(Location)
{
    public ConfigEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Text == key);

    public override string Describe() => "a mapping (key: value pairs)";
}

/// <summary>One key: value pair; the key keeps its own location for "unknown key" messages.</summary>
public sealed record ConfigEntry(ConfigScalar Key, ConfigNode Value);
