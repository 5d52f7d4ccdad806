using Studies.Experiments.Model;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>Small immutable edits of YAML trees (set or remove a key, follow a dotted path), for expanding sweep points.</summary>
internal static class ConfigEdits
{
    public static ConfigScalar Plain(string text) => new(text, false, SourceLocation.None);

    public static ConfigMapping Map(params (string Key, ConfigNode Value)[] entries) =>
        new(entries.Select(e => new ConfigEntry(Plain(e.Key), e.Value)).ToList(), SourceLocation.None);

    /// <summary>The mapping with <paramref name="key"/> set to <paramref name="value"/> (replaced in place, else appended).</summary>
    public static ConfigMapping With(this ConfigMapping map, string key, ConfigNode value)
    {
        var entries = map.Entries.ToList();
        int at = entries.FindIndex(e => e.Key.Text == key);
        if (at >= 0)
        {
            entries[at] = entries[at] with { Value = value };
        }
        else
        {
            entries.Add(new ConfigEntry(Plain(key), value));
        }

        return map with { Entries = entries };
    }

    public static ConfigMapping Without(this ConfigMapping map, string key) =>
        map.Find(key) is null ? map : map with { Entries = map.Entries.Where(e => e.Key.Text != key).ToList() };

    /// <summary>Sets a dotted path ("sampling.temperature"), creating mappings on the way (a non-mapping on the way is replaced).</summary>
    public static ConfigMapping WithPath(this ConfigMapping map, ReadOnlySpan<string> path, ConfigNode value)
    {
        if (path.Length == 1)
        {
            return map.With(path[0], value);
        }

        var inner = map.Find(path[0])?.Value as ConfigMapping ?? new ConfigMapping([], SourceLocation.None);
        return map.With(path[0], inner.WithPath(path[1..], value));
    }

    public static string? Text(this ConfigMapping map, string key) =>
        map.Find(key)?.Value is ConfigScalar { IsNull: false } s ? s.Text : null;
}
