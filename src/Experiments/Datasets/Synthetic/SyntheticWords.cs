namespace Studies.Experiments.Datasets.Synthetic;

/// <summary>
/// Word lists in TinyStories vocabulary. ASCII letters, digits, spaces and . , ? only: the TinyStories-656K
/// vocabulary cannot encode characters such as + = ( ) # (llama.cpp would abort on them).
/// </summary>
internal static class SyntheticWords
{
    public sealed record Person(string Name, string Subject, string Possessive, string Object);

    public static readonly Person[] People =
    [
        new("Tom", "he", "his", "him"), new("Lily", "she", "her", "her"), new("Ben", "he", "his", "him"),
        new("Mia", "she", "her", "her"), new("Sam", "he", "his", "him"), new("Sue", "she", "her", "her"),
        new("Tim", "he", "his", "him"), new("Anna", "she", "her", "her"), new("Jack", "he", "his", "him"),
        new("Lucy", "she", "her", "her"), new("Amy", "she", "her", "her"),
    ];

    public static readonly string[] Colors = ["red", "blue", "green", "yellow", "pink", "brown"];

    public static readonly string[] Toys = ["ball", "kite", "doll", "car", "hat", "boat"];

    public static readonly string[] Things = ["ball", "car", "hat", "kite", "cup", "box", "dress", "bike"];

    /// <summary>Countable things, singular and plural.</summary>
    public static readonly (string One, string Many)[] Countables =
    [
        ("ball", "balls"), ("apple", "apples"), ("toy", "toys"), ("cake", "cakes"), ("book", "books"),
        ("flower", "flowers"), ("cat", "cats"), ("bird", "birds"), ("car", "cars"),
    ];

    public static readonly string[] Pets = ["dog", "cat", "bird"];

    public static readonly string[] PetNames = ["Spot", "Buddy", "Bella", "Fluffy", "Max", "Daisy"];

    public static readonly string[] Places = ["park", "beach", "farm", "garden", "lake", "forest"];

    public static readonly string[] Animals = ["duck", "frog", "bunny", "cow", "horse", "fish"];

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Count(int n, (string One, string Many) thing) => $"{n} {(n == 1 ? thing.One : thing.Many)}";
}
