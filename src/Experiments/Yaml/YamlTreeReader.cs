using System.Text.RegularExpressions;
using Studies.Experiments.Kinds;
using Studies.Experiments.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Studies.Experiments.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="ConfigNode"/> tree from YamlDotNet's parser events, keeping line:column for every
/// key and value. Syntax errors and duplicate keys become problems (data), never exceptions.
/// </summary>
public static partial class YamlTreeReader
{
    /// <summary>Parses the first document of <paramref name="text"/>; the root is null when the text is empty or broken.</summary>
    public static ConfigNode? Read(string text, string file, ICollection<StudyProblem> problems)
    {
        var anchors = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null; // an empty file: the caller says what it expected
            }

            var root = ReadNode(parser, file, anchors, problems);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                problems.Add(new StudyProblem(At(file, next.Start),
                    "a study file holds one YAML document; remove the '---' and what follows, or merge it into the first document."));
            }

            return root;
        }
        catch (YamlException e)
        {
            problems.Add(new StudyProblem(At(file, e.Start), $"YAML syntax error: {Describe(e)} Check indentation (spaces, not tabs) and quoting near here."));
            return null;
        }
    }

    private static ConfigNode ReadNode(IParser parser, string file, Dictionary<string, ConfigNode> anchors, ICollection<StudyProblem> problems)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor defined before it.");
        }

        ConfigNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            node = new ConfigScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, At(file, scalar.Start));
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            start = seqStart;
            var items = new List<ConfigNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors, problems));
            }

            node = new ConfigSequence(items, At(file, seqStart.Start));
        }
        else
        {
            var mapStart = parser.Consume<MappingStart>();
            start = mapStart;
            var entries = new List<ConfigEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, file, anchors, problems);
                var value = ReadNode(parser, file, anchors, problems);
                if (keyNode is not ConfigScalar key)
                {
                    problems.Add(new StudyProblem(keyNode.Location, "a key must be a plain word, not a list or mapping."));
                    continue;
                }

                if (entries.FirstOrDefault(e => e.Key.Text == key.Text) is { } first)
                {
                    problems.Add(new StudyProblem(key.Location,
                        $"duplicate key '{key.Text}' (first written at line {first.Key.Location.Line}): keep one of them."));
                    continue;
                }

                entries.Add(new ConfigEntry(key, value));
            }

            node = new ConfigMapping(entries, At(file, mapStart.Start));
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is reported separately.</summary>
    private static string Describe(YamlException e)
    {
        string message = LocationPrefix().Replace(e.Message, "").Trim();
        if (message.Length == 0)
        {
            message = "the text cannot be parsed.";
        }

        return message.EndsWith('.') ? message : message + ".";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LocationPrefix();
}
