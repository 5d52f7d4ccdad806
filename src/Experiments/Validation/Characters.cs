namespace Studies.Experiments.Validation;

/// <summary>Names characters so a user can find them: 'é' (U+00E9).</summary>
public static class Characters
{
    public static string Describe(string c) =>
        c.Length >= 1 && !char.IsControl(c[0]) && !char.IsWhiteSpace(c[0])
            ? $"'{c}' (U+{char.ConvertToUtf32(c, 0):X4})"
            : $"U+{char.ConvertToUtf32(c, 0):X4}";

    public static string Describe(IEnumerable<string> characters) => string.Join(", ", characters.Select(Describe));
}
