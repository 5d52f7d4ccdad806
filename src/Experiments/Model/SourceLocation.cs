namespace Studies.Experiments.Model;

/// <summary>Where something was declared (file:line:column), so every error can point at it.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new("", 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
