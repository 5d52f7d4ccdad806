using System.Text;

namespace Studies.Analysis.TokenShift;

/// <summary>Token pieces made visible in tables: quoted, with spaces and line breaks shown as symbols.</summary>
public static class TokenText
{
    public static string Display(string piece)
    {
        // Typographic quotes, so a token that is itself '"' stays readable.
        var sb = new StringBuilder(piece.Length + 2).Append('“');
        foreach (char c in piece)
        {
            sb.Append(c switch
            {
                ' ' => "␣",
                '\n' => "↵",
                '\r' => "␍",
                '\t' => "⇥",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('”').ToString();
    }
}
