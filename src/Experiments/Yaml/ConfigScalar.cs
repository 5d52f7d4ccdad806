using System.Globalization;
using Studies.Experiments.Model;

namespace Studies.Experiments.Yaml;

/// <summary>
/// A scalar as written. Plain scalars are typed the YAML 1.2 core-schema way (null, bool, integer, float, else text);
/// quoted scalars are always text, so a user can write "0" to keep a label a string.
/// </summary>
public sealed record ConfigScalar(string Text, bool IsQuoted, SourceLocation Location) : ConfigNode(Location)
{
    public bool IsNull => !IsQuoted && Text is "" or "~" or "null" or "Null" or "NULL";

    public bool? AsBool() => IsQuoted ? null : Text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public long? AsInteger() =>
        !IsQuoted && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null;

    public double? AsNumber()
    {
        if (IsQuoted)
        {
            return null;
        }

        if (AsInteger() is { } i)
        {
            return i;
        }

        return Text switch
        {
            ".inf" or ".Inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" or "-.Inf" => double.NegativeInfinity,
            _ => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !Text.Contains(',') ? d : null,
        };
    }

    /// <summary>The typed value: null, bool, long, double or string.</summary>
    public object? Value => IsNull ? null : (object?)AsBool() ?? (object?)AsInteger() ?? (object?)AsNumber() ?? Text;

    public override string Describe() => Value switch
    {
        null => "an empty value",
        bool => $"the boolean {Text}",
        long => $"the number {Text}",
        double => $"the number {Text}",
        _ => $"the text \"{Text}\"",
    };
}
