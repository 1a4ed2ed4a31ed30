using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>
/// Full fits including standard errors: MleGen's <c>Fit()</c> (default: automatic, Newton for these sizes; observed
/// information) beside MathNet's L-BFGS driven by the same generated NLL + gradient and followed by
/// the same covariance code. Iterations, evaluations and allocation per iteration: <c>--fit-report</c>.
/// </summary>
[Config(typeof(FitRunConfig))]
public class FitBenchmarks
{
    private FitProblemCase _problem = null!;

    /// <summary>The model being fitted.</summary>
    [ParamsAllValues]
    public FitCase Case { get; set; }

    [GlobalSetup]
    public void Setup() => _problem = FitProblemCase.Create(Case);

    [Benchmark(Baseline = true, Description = "MleGen Fit() (automatic) + SEs")]
    public double MleGenFit() => ModelFitter.Fit(_problem.Model, _problem.Options()).LogLikelihood;

    [Benchmark(Description = "MathNet L-BFGS + SEs")]
    public double MathNetFit() => MathNetLbfgsFit.Run(_problem.Model, _problem.Start).StandardErrors[0];
}
