namespace MleGen.Generators.Tests.Harness;

/// <summary>Stubs of the observation families and <c>MleGen.Functions</c> with their contract signatures, for runtimes that do not have them yet.</summary>
internal static class RuntimeStubs
{
    public const string Source = """
        using System;

        namespace MleGen
        {
            public readonly struct Normal { public Normal(double mean, double sd) { } }
            public readonly struct Laplace { public Laplace(double location, double scale) { } }
            public readonly struct StudentT { public StudentT(double nu, double location, double scale) { } }
            public readonly struct Cauchy { public Cauchy(double location, double scale) { } }
            public readonly struct LogNormal { public LogNormal(double mu, double sigma) { } }
            public readonly struct Exponential { public Exponential(double rate) { } }
            public readonly struct Gamma { public Gamma(double shape, double rate) { } }
            public readonly struct Weibull { public Weibull(double shape, double scale) { } }
            public readonly struct Beta { public Beta(double alpha, double beta) { } }
            public readonly struct Bernoulli { public Bernoulli(double p) { } }
            public readonly struct BernoulliLogit { public BernoulliLogit(double eta) { } }
            public readonly struct BernoulliProbit { public BernoulliProbit(double eta) { } }
            public readonly struct Binomial { public Binomial(int trials, double p) { } }
            public readonly struct BinomialLogit { public BinomialLogit(int trials, double eta) { } }
            public readonly struct Poisson { public Poisson(double rate) { } }
            public readonly struct PoissonLog { public PoissonLog(double eta) { } }
            public readonly struct NegativeBinomial { public NegativeBinomial(double mean, double dispersion) { } }
            public readonly struct CategoricalLogits { public static CategoricalLogits Of(int classes, Func<int, double> logit) => default; }
            public readonly struct NormalMixture { public NormalMixture(double[] weights, double[] means, double[] sds) { } }

            public static class Functions
            {
                public static double Sum(int count, Func<int, double> term) => 0;
                public static double Dot(double[] beta, double[,] x, int row) => 0;
                public static double Dot(double[] a, double[] b) => 0;
                public static double Logistic(double x) => x;
                public static double Softplus(double x) => x;
                public static double Log1p(double x) => x;
                public static double Expm1(double x) => x;
                public static double Square(double x) => x * x;
                public static double LogSumExp(double a, double b) => a;
                public static double LogSumExp(int count, Func<int, double> term) => 0;
                public static double Phi(double x) => x;
                public static double LogPhi(double x) => x;
                public static double LogGamma(double x) => x;
            }
        }
        """;
}
