using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace MleGen.Generators.Tests.Fuzz;

/// <summary>
/// A deterministic mutation fuzz of the generator and the analyzer over the repository's valid models (see
/// <see cref="Mutator"/> and <see cref="FuzzOracle"/>). CI runs <see cref="DefaultMutants"/> mutants; a longer run:
/// <c>MLEGEN_FUZZ_MUTANTS=20000 MLEGEN_FUZZ_SEED=7 dotnet test --project tests/MleGen.Generators.Tests -c Release -- --filter-class "*MutationFuzzTests"</c>
/// (<c>MLEGEN_FUZZ_OUT=dir</c> writes every failing mutant there, one file each).
/// </summary>
public class MutationFuzzTests
{
    /// <summary>Mutants per CI run: a few thousand, well under a minute on one core.</summary>
    public const int DefaultMutants = 2000;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    [Fact]
    public void Seeds_AreValidModelsThatGenerate()
    {
        var seeds = SeedModels.Sources();
        Assert.True(seeds.Count >= 40, $"only {seeds.Count} seed models: the scan of the repository went wrong");
        var failures = seeds
            .Select(seed => (Seed: seed, Outcome: FuzzOracle.Run(seed)))
            .Where(x => x.Outcome.Verdict != FuzzVerdict.Ok)
            .Select(x => x.Outcome.Verdict + " " + x.Outcome.Detail + "\n" + x.Seed)
            .ToList();
        Assert.True(failures.Count == 0, "Seeds that are not valid models:\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void Mutants_NeverBreakTheBuild()
    {
        int count = Setting("MLEGEN_FUZZ_MUTANTS", DefaultMutants);
        int seed = Setting("MLEGEN_FUZZ_SEED", 1);
        string? outDir = Environment.GetEnvironmentVariable("MLEGEN_FUZZ_OUT");
        var seeds = SeedModels.Sources();
        var failures = new List<string>();
        var byVerdict = new Dictionary<FuzzVerdict, int>();
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        // Every mutant is its own seeded draw, so the outcomes do not depend on the order they run in.
        var outcomes = new (string Mutant, string Mutation, FuzzOutcome Outcome)[count];
        System.Threading.Tasks.Parallel.For(
            0,
            count,
            new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = TestContext.Current.CancellationToken },
            n =>
            {
                var random = new Random(unchecked((seed * 1_000_003) + n));
                var (mutant, mutation) = Mutator.Mutate(seeds[n % seeds.Count], random);
                outcomes[n] = (mutant, mutation, FuzzOracle.Run(mutant));
            });

        for (int n = 0; n < count; n++)
        {
            var (mutant, mutation, outcome) = outcomes[n];
            if (outcome.Verdict == FuzzVerdict.Ok)
            {
                continue;
            }

            byVerdict[outcome.Verdict] = byVerdict.GetValueOrDefault(outcome.Verdict) + 1;
            string report = $"// mutant {n} (seed {seed}), {mutation}: {outcome.Verdict}\n// {outcome.Detail.Replace("\n", "\n// ", StringComparison.Ordinal)}\n{mutant}";
            failures.Add(report);
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                File.WriteAllText(Path.Combine(outDir, $"{outcome.Verdict}-{n:D6}.cs"), report);
            }
        }

        var summary = new StringBuilder();
        if (outDir is not null)
        {
            File.WriteAllText(Path.Combine(outDir, "summary.txt"), $"{count} mutants, {failures.Count} failures, {string.Join(", ", byVerdict.Select(kv => kv.Key + " " + kv.Value))}\n");
        }

        summary.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {count} mutants break the promise (");
        summary.Append(string.Join(", ", byVerdict.OrderBy(kv => kv.Key).Select(kv => kv.Key + " " + kv.Value)));
        summary.Append("). First ones:\n\n");
        summary.Append(string.Join("\n\n", failures.Take(5)));
        Assert.True(failures.Count == 0, summary.ToString());
    }
}
