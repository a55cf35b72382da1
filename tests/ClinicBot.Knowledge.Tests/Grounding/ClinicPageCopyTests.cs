using ClinicBot.Testing;


namespace ClinicBot.Tests.Knowledge.Grounding;

/// <summary>The repository's copy of the clinic's page is the project's seed page, unchanged.</summary>
public sealed class ClinicPageCopyTests
{
    private const string SeedPage = "seed/clinic-page.txt";

    [Fact]
    public void The_repository_holds_the_clinic_page()
    {
        Assert.True(File.Exists(ClinicPage.Path), $"{ClinicPage.Path} is missing");
        Assert.Contains("Ketamine", ClinicPage.Text);
    }

    [SharedFileFact(SeedPage)]
    public void The_repository_copy_equals_the_seed_page_in_the_shared_folder()
    {
        var seed = File.ReadAllBytes(SharedFolder.Find(SeedPage)!);

        Assert.True(
            seed.AsSpan().SequenceEqual(File.ReadAllBytes(ClinicPage.Path)),
            $"{ClinicPage.Path} differs from shared/{SeedPage}: copy the seed page over it, then check the content against it");
    }
}
