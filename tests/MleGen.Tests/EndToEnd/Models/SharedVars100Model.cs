using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.EndToEnd.Models;

/// <summary>
/// Issue 9: chained <c>var</c> locals each used twice, 100 deep (over 300 s in the generator before the DAG was kept,
/// later MLE0019): v₉₉ = 2⁹⁹·(A·x + B) exactly (doublings are exact), scaled back by 2⁻⁹⁹.
/// </summary>
[Model]
public partial class SharedVars100Model : IOracleModel
{
    [Data] public required double[] X { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i)
    {
        var v0 = A * X[i] + B;
        var v1 = v0 + v0;
        var v2 = v1 + v1;
        var v3 = v2 + v2;
        var v4 = v3 + v3;
        var v5 = v4 + v4;
        var v6 = v5 + v5;
        var v7 = v6 + v6;
        var v8 = v7 + v7;
        var v9 = v8 + v8;
        var v10 = v9 + v9;
        var v11 = v10 + v10;
        var v12 = v11 + v11;
        var v13 = v12 + v12;
        var v14 = v13 + v13;
        var v15 = v14 + v14;
        var v16 = v15 + v15;
        var v17 = v16 + v16;
        var v18 = v17 + v17;
        var v19 = v18 + v18;
        var v20 = v19 + v19;
        var v21 = v20 + v20;
        var v22 = v21 + v21;
        var v23 = v22 + v22;
        var v24 = v23 + v23;
        var v25 = v24 + v24;
        var v26 = v25 + v25;
        var v27 = v26 + v26;
        var v28 = v27 + v27;
        var v29 = v28 + v28;
        var v30 = v29 + v29;
        var v31 = v30 + v30;
        var v32 = v31 + v31;
        var v33 = v32 + v32;
        var v34 = v33 + v33;
        var v35 = v34 + v34;
        var v36 = v35 + v35;
        var v37 = v36 + v36;
        var v38 = v37 + v37;
        var v39 = v38 + v38;
        var v40 = v39 + v39;
        var v41 = v40 + v40;
        var v42 = v41 + v41;
        var v43 = v42 + v42;
        var v44 = v43 + v43;
        var v45 = v44 + v44;
        var v46 = v45 + v45;
        var v47 = v46 + v46;
        var v48 = v47 + v47;
        var v49 = v48 + v48;
        var v50 = v49 + v49;
        var v51 = v50 + v50;
        var v52 = v51 + v51;
        var v53 = v52 + v52;
        var v54 = v53 + v53;
        var v55 = v54 + v54;
        var v56 = v55 + v55;
        var v57 = v56 + v56;
        var v58 = v57 + v57;
        var v59 = v58 + v58;
        var v60 = v59 + v59;
        var v61 = v60 + v60;
        var v62 = v61 + v61;
        var v63 = v62 + v62;
        var v64 = v63 + v63;
        var v65 = v64 + v64;
        var v66 = v65 + v65;
        var v67 = v66 + v66;
        var v68 = v67 + v67;
        var v69 = v68 + v68;
        var v70 = v69 + v69;
        var v71 = v70 + v70;
        var v72 = v71 + v71;
        var v73 = v72 + v72;
        var v74 = v73 + v73;
        var v75 = v74 + v74;
        var v76 = v75 + v75;
        var v77 = v76 + v76;
        var v78 = v77 + v77;
        var v79 = v78 + v78;
        var v80 = v79 + v79;
        var v81 = v80 + v80;
        var v82 = v81 + v81;
        var v83 = v82 + v82;
        var v84 = v83 + v83;
        var v85 = v84 + v84;
        var v86 = v85 + v85;
        var v87 = v86 + v86;
        var v88 = v87 + v87;
        var v89 = v88 + v88;
        var v90 = v89 + v89;
        var v91 = v90 + v90;
        var v92 = v91 + v91;
        var v93 = v92 + v92;
        var v94 = v93 + v93;
        var v95 = v94 + v94;
        var v96 = v95 + v95;
        var v97 = v96 + v96;
        var v98 = v97 + v97;
        var v99 = v98 + v98;
        return new(v99 * 1.5777218104420236e-30, Sigma); // 2⁻⁹⁹
    }

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= Observation(i).LogDensity(Y[i]);
        }

        return nll;
    }
}
