using System.Globalization;
using System.Text;
using Studies.Experiments.Yaml;

namespace Studies.Experiments.Sweeps;

/// <summary>
/// Writes a <see cref="ConfigNode"/> tree back as block-style YAML that <see cref="YamlTreeReader"/> reads into the same
/// values: plain scalars stay plain (so numbers stay numbers), quoted ones stay text. Deterministic, so the text of an
/// expanded sweep point can be hashed into its id.
/// </summary>
public static class ConfigYamlWriter
{
    public static string Write(ConfigNode node)
    {
        var sb = new StringBuilder();
        switch (node)
        {
            case ConfigMapping { Entries.Count: > 0 } map:
                WriteMapping(sb, map, 0, firstInline: false);
                break;
            case ConfigSequence { Items.Count: > 0 } seq:
                WriteSequence(sb, seq, 0);
                break;
            default:
                sb.Append(Inline(node)).Append('\n');
                break;
        }

        return sb.ToString();
    }

    private static void WriteMapping(StringBuilder sb, ConfigMapping map, int indent, bool firstInline)
    {
        for (int i = 0; i < map.Entries.Count; i++)
        {
            var entry = map.Entries[i];
            if (i > 0 || !firstInline)
            {
                sb.Append(' ', indent);
            }

            sb.Append(Scalar(entry.Key, flow: false)).Append(':');
            WriteValue(sb, entry.Value, indent);
        }
    }

    private static void WriteValue(StringBuilder sb, ConfigNode value, int indent)
    {
        if (IsInline(value))
        {
            sb.Append(' ').Append(Inline(value)).Append('\n');
        }
        else if (value is ConfigMapping map)
        {
            sb.Append('\n');
            WriteMapping(sb, map, indent + 2, firstInline: false);
        }
        else
        {
            sb.Append('\n');
            WriteSequence(sb, (ConfigSequence)value, indent + 2);
        }
    }

    private static void WriteSequence(StringBuilder sb, ConfigSequence seq, int indent)
    {
        foreach (var item in seq.Items)
        {
            sb.Append(' ', indent).Append('-');
            if (IsInline(item))
            {
                sb.Append(' ').Append(Inline(item)).Append('\n');
            }
            else if (item is ConfigMapping map)
            {
                sb.Append(' ');
                WriteMapping(sb, map, indent + 2, firstInline: true);
            }
            else
            {
                sb.Append('\n');
                WriteSequence(sb, (ConfigSequence)item, indent + 2);
            }
        }
    }

    /// <summary>Scalars, empty collections and lists of flow-safe scalars fit on one line.</summary>
    private static bool IsInline(ConfigNode node) => node switch
    {
        ConfigScalar => true,
        ConfigMapping map => map.Entries.Count == 0,
        ConfigSequence seq => seq.Items.All(i => i is ConfigScalar),
        _ => false,
    };

    private static string Inline(ConfigNode node) => node switch
    {
        ConfigScalar s => Scalar(s, flow: false),
        ConfigMapping => "{}",
        ConfigSequence seq => "[" + string.Join(", ", seq.Items.Select(i => Scalar((ConfigScalar)i, flow: true))) + "]",
        _ => throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node)),
    };

    private static string Scalar(ConfigScalar scalar, bool flow)
    {
        if (scalar.IsNull)
        {
            return "~";
        }

        return !scalar.IsQuoted && IsSafePlain(scalar.Text, flow) ? scalar.Text : Quote(scalar.Text);
    }

    private static bool IsSafePlain(string text, bool flow)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0]))
        {
            // A leading '-' is fine for a negative number.
            return text[0] == '-' && text.Length > 1 && (char.IsAsciiDigit(text[1]) || text[1] == '.') && IsSafePlain(text[1..], flow);
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
        {
            return false;
        }

        return !text.Any(c => char.IsControl(c) || (flow && c is ',' or '[' or ']' or '{' or '}'));
    }

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
