using BenchmarkDotNet.Attributes;

namespace MleGen.Benchmarks;

/// <summary>
/// The whole logistic fit with standard errors (n = 1,000,000, p = 20, one thread): MleGen's default <c>Fit()</c>
/// (automatic: L-BFGS with its Newton polish here) and Newton on the generated (scalar) kernels, beside MathNet's L-BFGS on a hand-written
/// Vector256 + FMA kernel with hand-written XᵀWX standard errors. A breakdown (evaluations × their cost) is printed by
/// <c>--fit-report logistic</c>.
/// </summary>
[Config(typeof(FitRunConfig))]
public class LogisticFitBenchmarks
{
    private FitProblemCase _problem = null!;
    private LogisticModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _problem = FitProblemCase.Create(FitCase.Logistic);
        _model = (LogisticModel)_problem.Model;
    }

    [Benchmark(Baseline = true, Description = "MleGen Fit() (automatic → L-BFGS + Newton polish) + SEs, 1 thread")]
    public double MleGenDefault() => ModelFitter.Fit(_model, _problem.Options(FitMethod.Auto, threads: 1)).LogLikelihood;

    [Benchmark(Description = "MleGen Newton + SEs, 1 thread")]
    public double MleGenNewton() => ModelFitter.Fit(_model, _problem.Options(FitMethod.Newton, threads: 1)).LogLikelihood;

    [Benchmark(Description = "MathNet L-BFGS, hand SIMD kernel + hand XᵀWX SEs")]
    public double MathNetSimd() => MathNetSimdLogisticFit.Run(_model.X, _model.Y).StandardErrors[0];
}
