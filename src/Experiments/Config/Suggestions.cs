namespace Studies.Experiments.Config;

/// <summary>"Did you mean" by edit distance, for keys, kinds, condition types, fields and model names.</summary>
public static class Suggestions
{
    /// <summary>The closest option within a small edit distance (case-insensitive), or null when nothing is close.</summary>
    public static string? Closest(string input, IEnumerable<string> options)
    {
        string lower = input.ToLowerInvariant();
        int limit = Math.Max(2, input.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string option in options)
        {
            int d = Distance(lower, option.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = option;
                bestDistance = d;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>" did you mean 'x'?" or "" — ready to append to a message.</summary>
    public static string DidYouMean(string input, IEnumerable<string> options) =>
        Closest(input, options) is { } s ? $" Did you mean '{s}'?" : "";

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cur[j] = Math.Min(cur[j], prev2[j - 2] + 1);
                }
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[b.Length];
    }
}
