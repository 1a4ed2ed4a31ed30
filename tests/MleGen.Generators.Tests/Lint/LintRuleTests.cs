using System.Threading.Tasks;
using MleGen.Generators.Tests.Harness;
using Xunit;
using static MleGen.Generators.Tests.Harness.LintVerifier;

namespace MleGen.Generators.Tests.Lint;

/// <summary>
/// Every MLE01xx rule fires on its flaw and stays silent on the nearest sound model. Each test asserts the
/// complete set of lint diagnostics of its source, so a rule that fires where another is expected fails it.
/// </summary>
public class LintRuleTests
{
    private static string Model(string body) => Usings + $$"""
        [Model]
        public partial class M
        {
        {{body}}
        }
        """;

    // MLE0101: a scale without a lower bound.

    [Fact]
    public Task UnboundedSd_Fires() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param] public double {|#0:Sigma|} = 1;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, Sigma);
        """), Diagnostic("MLE0101").WithLocation(0).WithArguments("Sigma", "sd", "Normal", "Obs"));

    [Fact]
    public Task NegativeLowerBoundOnNu_AndSqrtOfVariance_AndPoissonRate_Fire() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public int[] C = [];
            [Param(Lower = -1)] public double {|#0:Nu|} = 4;
            [Param] public double Mu;
            [Param] public double {|#1:Variance|} = 1;
            [Param] public double {|#2:Rate|} = 1;

            [Likelihood(nameof(Y))]
            StudentT Obs(int i) => new(Nu, Mu, Math.Sqrt(Variance));

            [Likelihood(nameof(C))]
            Poisson Count(int i) => new(2 * Rate);
        """),
        Diagnostic("MLE0101").WithLocation(0).WithArguments("Nu", "nu", "StudentT", "Obs"),
        Diagnostic("MLE0101").WithLocation(1).WithArguments("Variance", "scale", "StudentT", "Obs"),
        Diagnostic("MLE0101").WithLocation(2).WithArguments("Rate", "rate", "Poisson", "Count"));

    [Fact]
    public Task BoundedOrPositiveByConstructionScale_IsSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] Z = [];
            [Param] public double Mu;
            [Param(Lower = 0)] public double Sigma = 1;
            [Param] public double LogScale;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, Sigma);

            [Likelihood(nameof(Z))]
            Laplace Robust(int i) => new(Mu, Math.Exp(LogScale));
        """));

    // MLE0102: a mixture whose sds can collapse.

    private static string Mixture(string sds, string extra = "") => Model($$"""
            [Data] public double[] Y = [];
            [Param(Simplex = true)] public double[] Weights = [];
            [Param] public double[] Means = [];
            {{sds}}
        {{extra}}
            [Likelihood(nameof(Y))]
            NormalMixture Obs(int i) => new(Weights, Means, Sds);
        """);

    [Fact]
    public Task MixtureSdsWithoutFloorOrPrior_Fire() => VerifyAnalyzerAsync(
        Mixture("[Param(Lower = 0)] public double[] {|#0:Sds|} = [];"),
        Diagnostic("MLE0102").WithLocation(0).WithArguments("Sds", "Obs"));

    [Fact]
    public Task MixtureSdsWithAGammaPriorOfShapeBelowTwo_Fire() => VerifyAnalyzerAsync(
        Mixture("[Param(Lower = 0), GammaPrior(1.5, 1)] public double[] {|#0:Sds|} = [];"),
        Diagnostic("MLE0102").WithLocation(0).WithArguments("Sds", "Obs"));

    [Fact]
    public Task MixtureSdsWithGammaPriorTwo_OrAFloor_OrAsData_AreSilent() => Task.WhenAll(
        VerifyAnalyzerAsync(Mixture("[Param(Lower = 0), GammaPrior(2, 1)] public double[] Sds = [];")),
        VerifyAnalyzerAsync(Mixture("[Param(Lower = 0.01)] public double[] Sds = [];")),
        VerifyAnalyzerAsync(Mixture("[Data] public double[] Sds = [];")));

    // MLE0103: a parameter nothing reads.

    [Fact]
    public Task UnreadParameter_Fires() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param] public double {|#0:Forgotten|};

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, 1);
        """), Diagnostic("MLE0103").WithLocation(0).WithArguments("Forgotten"));

    [Fact]
    public Task ParameterReadThroughAHelper_OrOnlyByItsPrior_IsSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Param] public double Mu;
            [Param, NormalPrior(0, 1)] public double PriorOnly;

            double Mean(int i) => Mu;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mean(i), 1);
        """));

    // MLE0104: parameters identified only through their sum or product.

    [Fact]
    public Task TwoInterceptsOnlyAsTheirSum_Fire() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] X = [];
            [Param] public double {|#0:A|};
            [Param] public double {|#1:B|};
            [Param] public double Slope;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(A + Slope * X[i] + B, 1);
        """), Diagnostic("MLE0104").WithLocation(0).WithLocation(1).WithArguments("A", "B", "sum"));

    [Fact]
    public Task TwoParametersOnlyAsTheirProduct_Fire() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] X = [];
            [Param] public double {|#0:Amplitude|};
            [Param] public double {|#1:Gain|};

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Amplitude * X[i] * Gain, 1);
        """), Diagnostic("MLE0104").WithLocation(0).WithLocation(1).WithArguments("Amplitude", "Gain", "product"));

    [Fact]
    public Task ExponentialRiseAndOrdinaryRegression_AreSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] X = [];
            [Data] public double[] Z = [];
            [Param] public double B1;
            [Param] public double B2;
            [Param] public double A;
            [Param] public double B;
            [Param, NormalPrior(0, 1)] public double D;

            [Likelihood(nameof(Y))]
            Normal Rise(int i) => new(B1 * (1 - Math.Exp(-B2 * X[i])), 1);

            // A + D alone would be MLE0104; D's prior identifies it (MAP).
            [Likelihood(nameof(Z))]
            Normal Line(int i) => new(A + B * X[i] + D, 1);
        """));

    [Fact]
    public Task SumInOneTermButAloneInAnother_IsSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] Z = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            Normal First(int i) => new(A + B, 1);

            [Likelihood(nameof(Z))]
            Normal Second(int i) => new(A, 1);
        """));

    // MLE0105: softmax logits without a reference class.

    private static string Categorical(string parameters, string logit) => Model($$"""
            [Data] public double[,] X = new double[0, 0];
            [Data] public int[] Y = [];
        {{parameters}}

            [Likelihood(nameof(Y))]
            CategoricalLogits {|#0:Obs|}(int i) => CategoricalLogits.Of(3, k => {{logit}});
        """);

    [Fact]
    public Task EveryClassWithItsOwnFreeParameters_Fires() => VerifyAnalyzerAsync(
        Categorical(
            "    [Param] public double[] B0 = new double[3];\n    [Param] public double[,] W = new double[3, 2];",
            "B0[k] + Sum(X.GetLength(1), j => W[k, j] * X[i, j])"),
        Diagnostic("MLE0105").WithLocation(0).WithArguments("Obs", "B0', 'W"));

    [Fact]
    public Task ReferenceClassAtZero_OrPriorsOnTheLogits_AreSilent() => Task.WhenAll(
        VerifyAnalyzerAsync(Categorical(
            "    [Param] public double[] B0 = new double[2];\n    [Param] public double[,] W = new double[2, 2];",
            "k == 0 ? 0 : B0[k - 1] + Sum(X.GetLength(1), j => W[k - 1, j] * X[i, j])").Replace("{|#0:Obs|}", "Obs")),
        VerifyAnalyzerAsync(Categorical(
            "    [Param, NormalPrior(0, 1)] public double[] B0 = new double[3];\n    [Param, NormalPrior(0, 1)] public double[,] W = new double[3, 2];",
            "B0[k] + Sum(X.GetLength(1), j => W[k, j] * X[i, j])").Replace("{|#0:Obs|}", "Obs")));

    // MLE0106: a continuous family on counts or binary data.

    [Fact]
    public Task NormalOnCounts_AndOnBooleans_Fire() => VerifyAnalyzerAsync(Model("""
            [Data] public int[] Counts = [];
            [Data] public bool[] Flags = [];
            [Param] public double Mu;
            [Param] public double P;
            [Param(Lower = 0)] public double Sigma = 1;

            [Likelihood(nameof(Counts))]
            Normal Count(int i) => {|#0:new(Mu, Sigma)|};

            [Likelihood(nameof(Flags))]
            Normal Flag(int i) => {|#1:new Normal(P, Sigma)|};
        """),
        Diagnostic("MLE0106").WithLocation(0).WithArguments("Count", "Normal", "Counts", "count (int[])", "Poisson, PoissonLog or NegativeBinomial"),
        Diagnostic("MLE0106").WithLocation(1).WithArguments("Flag", "Normal", "Flags", "binary (bool[])", "Bernoulli, BernoulliLogit or BernoulliProbit"));

    [Fact]
    public Task DiscreteFamiliesOnDiscreteData_AndNormalOnDoubles_AreSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public int[] Counts = [];
            [Data] public bool[] Flags = [];
            [Data] public double[] Y = [];
            [Param] public double Eta;
            [Param(Lower = 0)] public double Sigma = 1;

            [Likelihood(nameof(Counts))]
            PoissonLog Count(int i) => new(Eta);

            [Likelihood(nameof(Flags))]
            BernoulliLogit Flag(int i) => new(Eta);

            [Likelihood(nameof(Y))]
            Normal Level(int i) => new(Eta, Sigma);
        """));

    // MLE0107: an unbounded probability.

    [Fact]
    public Task LinearPredictorAsProbability_Fires() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] X = [];
            [Data] public int[] Y = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            Bernoulli Obs(int i) => {|#0:new(A + B * X[i])|};

            [Likelihood(nameof(K))]
            Binomial Successes(int i) => {|#1:new(N[i], A - B * X[i])|};
        """),
        Diagnostic("MLE0107").WithLocation(0).WithArguments("Bernoulli", "Obs", "BernoulliLogit"),
        Diagnostic("MLE0107").WithLocation(1).WithArguments("Binomial", "Successes", "BinomialLogit"));

    [Fact]
    public Task BoundedParameter_OrTransformedPredictor_IsSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] X = [];
            [Data] public int[] Y = [];
            [Data] public int[] Z = [];
            [Param(Lower = 0, Upper = 1)] public double P = 0.5;
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(Y))]
            Bernoulli Obs(int i) => new(P);

            [Likelihood(nameof(Z))]
            Bernoulli Other(int i) => new(0.5 + 0.5 * Math.Tanh(A + B * X[i]));
        """));

    // MLE0108: the link written out instead of the fused family.

    [Fact]
    public Task ExpAndLogisticAndPhiLinks_Fire() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Data] public int[] Y = [];
            [Data] public int[] Z = [];
            [Data] public int[] N = [];
            [Data] public int[] K = [];
            [Param] public double A;
            [Param] public double B;

            [Likelihood(nameof(C))]
            Poisson Count(int i) => {|#0:new(Math.Exp(A + B * X[i]))|};

            [Likelihood(nameof(Y))]
            Bernoulli Logit(int i) => {|#1:new Bernoulli(Logistic(A + B * X[i]))|};

            [Likelihood(nameof(Z))]
            Bernoulli Probit(int i) => {|#2:new(Phi(A + B * X[i]))|};

            [Likelihood(nameof(K))]
            Binomial Trials(int i) => {|#3:new(N[i], Logistic(A + B * X[i]))|};
        """),
        Diagnostic("MLE0108").WithLocation(0).WithArguments("Poisson(Exp(η))", "Count", "PoissonLog(η)"),
        Diagnostic("MLE0108").WithLocation(1).WithArguments("Bernoulli(Logistic(η))", "Logit", "BernoulliLogit(η)"),
        Diagnostic("MLE0108").WithLocation(2).WithArguments("Bernoulli(Phi(η))", "Probit", "BernoulliProbit(η)"),
        Diagnostic("MLE0108").WithLocation(3).WithArguments("Binomial(n, Logistic(η))", "Trials", "BinomialLogit(n, η)"));

    [Fact]
    public Task FusedFamilies_AndNegativeBinomialWithExp_AreSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] X = [];
            [Data] public int[] C = [];
            [Data] public int[] D = [];
            [Param] public double A;
            [Param] public double B;
            [Param(Lower = 0)] public double Theta = 1;

            [Likelihood(nameof(C))]
            PoissonLog Count(int i) => new(A + B * X[i]);

            [Likelihood(nameof(D))]
            NegativeBinomial Overdispersed(int i) => new(Math.Exp(A + B * X[i]), Theta);
        """));

    // MLE0109: data nothing reads.

    [Fact]
    public Task UnreadData_Fires() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] {|#0:Covariate|} = [];
            [Param] public double Mu;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Mu, 1);
        """), Diagnostic("MLE0109").WithLocation(0).WithArguments("Covariate"));

    [Fact]
    public Task DataReadAsWeights_InACondition_OrForItsLength_IsSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Data] public double[] W = [];
            [Data] public int[] Group = [];
            [Data] public double[,] Shape = new double[0, 0];
            [Param] public double Mu;

            [Likelihood(nameof(Y), Weights = nameof(W))]
            Normal Obs(int i) => new(Group[i] == 1 ? Mu : Mu * Shape.GetLength(1), 1);
        """));

    // MLE0110: a positive-support prior on an unbounded parameter.

    [Fact]
    public Task HalfNormalPriorWithoutLowerBound_Fires() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Param, {|#0:HalfNormalPrior(1)|}] public double Tau;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Tau, 1);
        """), Diagnostic("MLE0110").WithLocation(0).WithArguments("HalfNormalPrior", "Tau"));

    [Fact]
    public Task PositivePriorsOnBoundedParameters_AreSilent() => VerifyAnalyzerAsync(Model("""
            [Data] public double[] Y = [];
            [Param(Lower = 0), HalfNormalPrior(1)] public double Tau;
            [Param(Lower = 0), GammaPrior(2, 1)] public double Sigma = 1;

            [Likelihood(nameof(Y))]
            Normal Obs(int i) => new(Tau, Sigma);
        """));
}
