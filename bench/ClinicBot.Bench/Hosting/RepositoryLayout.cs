using System.Reflection;

namespace ClinicBot.Bench.Hosting;

/// <summary>Where the servers' build outputs are: the bench's ProjectReferences build them in its own configuration.</summary>
public sealed class RepositoryLayout
{
    private const string TargetFramework = "net10.0";

    private RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    public string Configuration { get; }

    public string ClinicBotDll => Output("src/ClinicBot", "ClinicBot");

    public string StockEchoBotDll => Output("bench/StockEchoBot", "StockEchoBot");

    public string BareEndpointDll => Output("bench/BareActivityEndpoint", "BareActivityEndpoint");

    public string ProbeDll => Output("bench/ClinicBot.Bench.Probe", "ClinicBot.Bench.Probe");

    public static RepositoryLayout Locate()
    {
        var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "BuildConfiguration")?.Value ?? "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClinicBot.sln")))
            {
                return new RepositoryLayout(directory.FullName, configuration);
            }
        }

        throw new InvalidOperationException("ClinicBot.sln not found above the benchmark's folder; run it from the repository.");
    }

    private string Output(string projectFolder, string assemblyName)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build with `dotnet build bench/ClinicBot.Bench -c {Configuration}`.");
    }
}
