"""log P(a, x) and log Q(a, x) (regularized lower/upper incomplete gamma), their first and second derivatives in the
shape a, and the density ratios f/P and f/Q (f the Gamma(a, 1) density at x), at 50 digits (mpmath), for
IncompleteGammaTests. The tail below 1/2 is computed directly and the other as log1p(-tail), so both are exact where
one rounds to 1; the a-derivatives are mpmath.diff of those (high-precision numerical differentiation).

Each line: a, x, then each value as the nearest double (repr, 17 digits round-trip). A point where mpmath's own
hypergeometric series does not converge is left out (printed to stderr). Regenerate:
    python3 reference.py > reference.csv && Rscript reference.R
"""
import sys
import mpmath

mpmath.mp.dps = 50

shapes = [1e-5, 1e-4, 1e-3, 0.01, 0.1, 0.5, 1.0, 2.5, 10.0, 37.5, 100.0, 1e3, 1e4, 1e5]
absolute = [1e-300, 1e-50, 1e-10, 1e-3, 0.1, 0.3, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 700.0, 1e4, 1e5]
relative = [0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 2.0]


def row(a, x):
    a = mpmath.mpf(a)
    x = mpmath.mpf(x)

    def p(s):
        return mpmath.gammainc(s, 0, x, regularized=True)

    def q(s):
        return mpmath.gammainc(s, x, mpmath.inf, regularized=True)

    try:
        small_q = q(a) < 0.5
    except mpmath.libmp.NoConvergence:
        small_q = False
    if small_q:
        lq = lambda s: mpmath.log(q(s))
        lp = lambda s: mpmath.log1p(-q(s))
    else:
        lp = lambda s: mpmath.log(p(s))
        lq = lambda s: mpmath.log1p(-p(s))
    logf = (a - 1) * mpmath.log(x) - x - mpmath.loggamma(a)
    vp, vq = lp(a), lq(a)
    return [vp, mpmath.diff(lp, a), mpmath.diff(lp, a, 2), vq, mpmath.diff(lq, a), mpmath.diff(lq, a, 2),
            mpmath.exp(logf - vp), mpmath.exp(logf - vq)]


print("a,x,logp,dlogp,d2logp,logq,dlogq,d2logq,cdf_ratio,ccdf_ratio")
for a in shapes:
    xs = sorted(set(absolute + [a * r for r in relative] + [a + 1]))
    for x in xs:
        try:
            values = row(a, x)
        except mpmath.libmp.NoConvergence as e:
            print(f"skipped a={a!r} x={x!r}: {e}", file=sys.stderr)
            continue
        print(",".join([repr(float(a)), repr(float(x))] + [repr(float(v)) for v in values]))
        sys.stdout.flush()
