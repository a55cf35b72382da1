namespace ClinicBot.Tests.Faults.Support;

/// <summary>Distinct, ordinary full names for many simultaneous test visitors.</summary>
public static class PersonNames
{
    private static readonly string[] First =
    [
        "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David", "Elizabeth", "William",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel",
    ];

    private static readonly string[] Last =
    [
        "Garcia", "Nguyen", "Johnson", "Martinez", "Okafor", "Patel", "Kowalski", "Hernandez", "Thompson", "Robinson",
        "Castillo", "Bennett", "Lindqvist", "Moreno", "Fitzgerald",
    ];

    public static IReadOnlyList<string> Distinct(int count)
    {
        if (count > First.Length * Last.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"At most {First.Length * Last.Length} distinct names.");
        }

        return Enumerable.Range(0, count).Select(index => $"{First[index % First.Length]} {Last[index / First.Length]}").ToList();
    }
}
