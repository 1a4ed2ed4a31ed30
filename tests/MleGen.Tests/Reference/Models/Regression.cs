using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Reference.Models;

// Data members are PascalCase; [Param] members carry expected.json's parameter names, so fit["name"] is direct.

/// <summary>ols_cars: dist ~ Normal(intercept + speed·speed, sigma).</summary>
[Model]
public partial class OlsCarsModel
{
    [Data] public required double[] Speed { get; init; }
    [Data] public required double[] Dist { get; init; }
    [Param] public double intercept;
    [Param] public double speed;
    [Param(Lower = 0)] public double sigma = 1;

    [Likelihood(nameof(Dist))]
    internal Normal Observation(int i) => new(intercept + speed * Speed[i], sigma);
}

/// <summary>ols_longley_nist: y ~ Normal(intercept + Σ b_j x_j, sigma), NIST Longley.</summary>
[Model]
public partial class OlsLongleyModel
{
    [Data] public required double[] Y { get; init; }
    [Data] public required double[] X1 { get; init; }
    [Data] public required double[] X2 { get; init; }
    [Data] public required double[] X3 { get; init; }
    [Data] public required double[] X4 { get; init; }
    [Data] public required double[] X5 { get; init; }
    [Data] public required double[] X6 { get; init; }
    [Param] public double intercept;
    [Param] public double x1;
    [Param] public double x2;
    [Param] public double x3;
    [Param] public double x4;
    [Param] public double x5;
    [Param] public double x6;
    [Param(Lower = 0)] public double sigma = 1;

    double Mean(int i) => intercept + x1 * X1[i] + x2 * X2[i] + x3 * X3[i] + x4 * X4[i] + x5 * X5[i] + x6 * X6[i];

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(Mean(i), sigma);
}

/// <summary>logistic_mtcars: am ~ BernoulliLogit(intercept + wt·wt + hp·hp).</summary>
[Model]
public partial class LogisticMtcarsModel
{
    [Data] public required int[] Am { get; init; }
    [Data] public required double[] Wt { get; init; }
    [Data] public required double[] Hp { get; init; }
    [Param] public double intercept;
    [Param] public double wt;
    [Param] public double hp;

    [Likelihood(nameof(Am))]
    internal BernoulliLogit Observation(int i) => new(intercept + wt * Wt[i] + hp * Hp[i]);
}

/// <summary>poisson_warpbreaks (and the null model of lrt_warpbreaks_interaction): breaks ~ PoissonLog(additive predictor).</summary>
[Model]
public partial class PoissonWarpbreaksModel
{
    [Data] public required int[] Breaks { get; init; }
    [Data] public required double[] WoolB { get; init; }
    [Data] public required double[] TensionM { get; init; }
    [Data] public required double[] TensionH { get; init; }
    [Param] public double intercept;
    [Param] public double woolB;
    [Param] public double tensionM;
    [Param] public double tensionH;

    [Likelihood(nameof(Breaks))]
    internal PoissonLog Observation(int i) => new(intercept + woolB * WoolB[i] + tensionM * TensionM[i] + tensionH * TensionH[i]);
}

/// <summary>lrt_warpbreaks_interaction, full model: the additive predictor plus the wool × tension interactions.</summary>
[Model]
public partial class PoissonWarpbreaksInteractionModel
{
    [Data] public required int[] Breaks { get; init; }
    [Data] public required double[] WoolB { get; init; }
    [Data] public required double[] TensionM { get; init; }
    [Data] public required double[] TensionH { get; init; }
    [Data] public required double[] WoolBTensionM { get; init; }
    [Data] public required double[] WoolBTensionH { get; init; }
    [Param] public double intercept;
    [Param] public double woolB;
    [Param] public double tensionM;
    [Param] public double tensionH;
    [Param] public double woolB_tensionM;
    [Param] public double woolB_tensionH;

    double Eta(int i) => intercept + woolB * WoolB[i] + tensionM * TensionM[i] + tensionH * TensionH[i]
        + woolB_tensionM * WoolBTensionM[i] + woolB_tensionH * WoolBTensionH[i];

    [Likelihood(nameof(Breaks))]
    internal PoissonLog Observation(int i) => new(Eta(i));
}

/// <summary>negbin_quine: days ~ NegativeBinomial(exp(η), theta), R glm.nb's θ.</summary>
[Model]
public partial class NegbinQuineModel
{
    [Data] public required int[] Days { get; init; }
    [Data] public required double[] IsEthN { get; init; }
    [Data] public required double[] IsSexM { get; init; }
    [Data] public required double[] IsAgeF1 { get; init; }
    [Data] public required double[] IsAgeF2 { get; init; }
    [Data] public required double[] IsAgeF3 { get; init; }
    [Data] public required double[] IsLrnSL { get; init; }
    [Param] public double intercept;
    [Param] public double EthN;
    [Param] public double SexM;
    [Param] public double AgeF1;
    [Param] public double AgeF2;
    [Param] public double AgeF3;
    [Param] public double LrnSL;
    [Param(Lower = 0)] public double theta = 1;

    double Eta(int i) => intercept + EthN * IsEthN[i] + SexM * IsSexM[i] + AgeF1 * IsAgeF1[i] + AgeF2 * IsAgeF2[i]
        + AgeF3 * IsAgeF3[i] + LrnSL * IsLrnSL[i];

    [Likelihood(nameof(Days))]
    internal NegativeBinomial Observation(int i) => new(Math.Exp(Eta(i)), theta);
}

/// <summary>gamma_glm_trees: volume ~ Gamma(shape, shape/μ), log μ = intercept + girth·girth + height·height.</summary>
[Model]
public partial class GammaGlmTreesModel
{
    [Data] public required double[] Volume { get; init; }
    [Data] public required double[] Girth { get; init; }
    [Data] public required double[] Height { get; init; }
    [Param] public double intercept;
    [Param] public double girth;
    [Param] public double height;
    [Param(Lower = 0)] public double shape = 1;

    double Mu(int i) => Math.Exp(intercept + girth * Girth[i] + height * Height[i]);

    [Likelihood(nameof(Volume))]
    internal Gamma Observation(int i) => new(shape, shape / Mu(i));
}

/// <summary>laplace_lad_stackloss: stack_loss ~ Laplace(linear predictor, scale) (LAD regression).</summary>
[Model]
public partial class LaplaceStacklossModel
{
    [Data] public required double[] StackLoss { get; init; }
    [Data] public required double[] AirFlow { get; init; }
    [Data] public required double[] WaterTemp { get; init; }
    [Data] public required double[] AcidConc { get; init; }
    [Param] public double intercept;
    [Param] public double air_flow;
    [Param] public double water_temp;
    [Param] public double acid_conc;
    [Param(Lower = 0)] public double scale = 1;

    [Likelihood(nameof(StackLoss))]
    internal Laplace Observation(int i) => new(intercept + air_flow * AirFlow[i] + water_temp * WaterTemp[i] + acid_conc * AcidConc[i], scale);
}

/// <summary>multinom_womenlf: partic ~ Categorical(softmax(0, η₁, η₂)); class 0 is the reference. intercept[k−1] is expected.json's k&lt;k&gt;.intercept.</summary>
[Model]
public partial class MultinomWomenlfModel
{
    [Data] public required int[] Partic { get; init; }
    [Data] public required double[] Hincome { get; init; }
    [Data] public required double[] Children { get; init; }
    [Param] public double[] intercept = new double[2];
    [Param] public double[] hincome = new double[2];
    [Param] public double[] children = new double[2];

    [Likelihood(nameof(Partic))]
    internal CategoricalLogits Observation(int i) =>
        CategoricalLogits.Of(3, k => k == 0 ? 0 : intercept[k - 1] + hincome[k - 1] * Hincome[i] + children[k - 1] * Children[i]);
}

/// <summary>ridge_map_logistic_pima: BernoulliLogit with Normal(0, 0.5) priors on the 7 slopes, flat intercept (MAP).</summary>
[Model]
public partial class RidgePimaModel
{
    [Data] public required int[] Diabetes { get; init; }
    [Data] public required double[] Npreg { get; init; }
    [Data] public required double[] Glu { get; init; }
    [Data] public required double[] Bp { get; init; }
    [Data] public required double[] Skin { get; init; }
    [Data] public required double[] Bmi { get; init; }
    [Data] public required double[] Ped { get; init; }
    [Data] public required double[] Age { get; init; }
    [Param] public double intercept;
    [Param, NormalPrior(0, 0.5)] public double npreg;
    [Param, NormalPrior(0, 0.5)] public double glu;
    [Param, NormalPrior(0, 0.5)] public double bp;
    [Param, NormalPrior(0, 0.5)] public double skin;
    [Param, NormalPrior(0, 0.5)] public double bmi;
    [Param, NormalPrior(0, 0.5)] public double ped;
    [Param, NormalPrior(0, 0.5)] public double age;

    double Eta(int i) => intercept + npreg * Npreg[i] + glu * Glu[i] + bp * Bp[i] + skin * Skin[i] + bmi * Bmi[i] + ped * Ped[i] + age * Age[i];

    [Likelihood(nameof(Diabetes))]
    internal BernoulliLogit Observation(int i) => new(Eta(i));
}

/// <summary>lasso_map_logistic_birthwt: BernoulliLogit with [L1(5)] on the 9 raw-scale slopes, flat intercept (MAP).</summary>
[Model]
public partial class LassoBirthwtModel
{
    [Data] public required int[] Low { get; init; }
    [Data] public required double[] Age { get; init; }
    [Data] public required double[] Lwt { get; init; }
    [Data] public required double[] Race2 { get; init; }
    [Data] public required double[] Race3 { get; init; }
    [Data] public required double[] Smoke { get; init; }
    [Data] public required double[] Ptl { get; init; }
    [Data] public required double[] Ht { get; init; }
    [Data] public required double[] Ui { get; init; }
    [Data] public required double[] Ftv { get; init; }
    [Param] public double intercept;
    [Param, L1(5)] public double age;
    [Param, L1(5)] public double lwt;
    [Param, L1(5)] public double race2;
    [Param, L1(5)] public double race3;
    [Param, L1(5)] public double smoke;
    [Param, L1(5)] public double ptl;
    [Param, L1(5)] public double ht;
    [Param, L1(5)] public double ui;
    [Param, L1(5)] public double ftv;

    double Eta(int i) => intercept + age * Age[i] + lwt * Lwt[i] + race2 * Race2[i] + race3 * Race3[i] + smoke * Smoke[i]
        + ptl * Ptl[i] + ht * Ht[i] + ui * Ui[i] + ftv * Ftv[i];

    [Likelihood(nameof(Low))]
    internal BernoulliLogit Observation(int i) => new(Eta(i));
}
