"""log I_x(a, b) and log(1 - I_x(a, b)) (the regularized incomplete beta and its complement), their first and second
derivatives in a and b (and the mixed one), at 80 working digits, for IncompleteBetaTests.

I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * 2F1(a+b, 1; a+1; x) (DLMF 8.17.8): a series of positive terms, summed here
directly in mpmath (no cancellation), and 1 - I_x(a, b) = I_{1-x}(b, a) the same way with 1 - x exact in mpmath. The
cheaper of the two series is summed and the other tail formed as 1 - tail (80 digits absorb that subtraction); where the
complement falls below 1e-40 both series are summed. The derivatives are central differences at step 1e-25 relative
(truncation ~1e-50, rounding ~1e-30). mpmath.betainc itself cross-checks the values where its hypergeometric series
converges (it fails for a, b ~ 1e4 near the mode), printed to stderr as the largest relative difference.

Each line: a, b, x, then logp, dlogp/da, dlogp/db, d2logp/da2, d2logp/dadb, d2logp/db2, then the same six of logq, as
the nearest double (repr). Regenerate:
    python3 reference.py > reference.csv && Rscript reference.R
"""
import sys
import mpmath

mpmath.mp.dps = 80
TOL = mpmath.mpf(10) ** -75
SMALL = mpmath.mpf(10) ** -12

shapes = [0.01, 0.1, 0.5, 1.0, 2.5, 10.0, 37.5, 100.0, 1e3, 1e4]
absolute = [1e-300, 1e-20, 1e-5, 0.1, 0.5, 0.9, 1 - 1e-5, 1 - 1e-10, 1 - 2.0 ** -53]
sds = [-2.0, 0.0, 2.0]


def terms(p, q, s):
    """Estimated terms of the series of I_s(p, q) (float simulation), capped."""
    lt, peak, n = 0.0, 0.0, 0
    import math
    while n < 100_000:
        r = (p + q + n) * s / (p + 1 + n)
        if r <= 0:
            return n
        lt += math.log(r)
        peak = max(peak, lt)
        n += 1
        if lt < peak - 180 and r < 1:
            return n
    return n


def series(p, q, s):
    """I_s(p, q) by the positive series, in mpmath."""
    if s == 0:
        return mpmath.mpf(0)
    t = mpmath.mpf(1)
    total = mpmath.mpf(1)
    n = 0
    while True:
        t *= (p + q + n) * s / (p + 1 + n)
        total += t
        n += 1
        if t < TOL * total and (p + q + n) * s / (p + 1 + n) < 1:
            break
    logpre = p * mpmath.log(s) + q * mpmath.log1p(-s) - mpmath.log(p) - mpmath.log(mpmath.beta(p, q))
    return mpmath.exp(logpre) * total


def tails(a, b, x, y, side):
    """(log I, log(1 - I)) at (a, b), side 0 summing the lower series, 1 the upper; a complement below 1e-12 is summed
    by its own series too (1 - tail would keep too few digits for the second differences at step 1e-25), and the log of
    a tail above 1/2 is log1p(-the other tail)."""
    if side == 0:
        lo = series(a, b, x)
        hi = 1 - lo
        if hi < SMALL:
            hi = series(b, a, y)
    else:
        hi = series(b, a, y)
        lo = 1 - hi
        if lo < SMALL:
            lo = series(a, b, x)
    return (mpmath.log(lo) if lo < 0.5 else mpmath.log1p(-hi)), (mpmath.log(hi) if hi < 0.5 else mpmath.log1p(-lo))


def row(a, b, xf):
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    x = mpmath.mpf(xf)
    y = 1 - x
    side = 0 if terms(float(a), float(b), float(x)) <= terms(float(b), float(a), float(y)) else 1
    ha, hb = a * mpmath.mpf(10) ** -25, b * mpmath.mpf(10) ** -25
    f = {}
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            f[i, j] = tails(a + i * ha, b + j * hb, x, y, side)
    out = []
    for k in (0, 1):
        v = lambda i, j: f[i, j][k]
        out += [v(0, 0),
                (v(1, 0) - v(-1, 0)) / (2 * ha),
                (v(0, 1) - v(0, -1)) / (2 * hb),
                (v(1, 0) - 2 * v(0, 0) + v(-1, 0)) / ha ** 2,
                (v(1, 1) - v(1, -1) - v(-1, 1) + v(-1, -1)) / (4 * ha * hb),
                (v(0, 1) - 2 * v(0, 0) + v(0, -1)) / hb ** 2]
    return out


worst = 0
print("a,b,x,logp,dlogp_a,dlogp_b,d2logp_aa,d2logp_ab,d2logp_bb,logq,dlogq_a,dlogq_b,d2logq_aa,d2logq_ab,d2logq_bb")
for a in shapes:
    for b in shapes:
        mean = a / (a + b)
        sd = (a * b / ((a + b) ** 2 * (a + b + 1))) ** 0.5
        xs = set(absolute)
        xs.update(mean + k * sd for k in sds)
        xs.add((a + 1) / (a + b + 2))
        for xf in sorted(x for x in xs if 0 < x < 1):
            values = row(a, b, xf)
            print(",".join([repr(a), repr(b), repr(xf)] + [repr(float(v)) for v in values]))
            sys.stdout.flush()
            if a + b <= 20:
                try:
                    ref = mpmath.log(mpmath.betainc(mpmath.mpf(a), mpmath.mpf(b), 0, mpmath.mpf(xf), regularized=True))
                    if mpmath.isfinite(ref) and ref != 0:
                        worst = max(worst, abs((ref - values[0]) / ref))
                except Exception:
                    pass
print("largest relative difference of logp from mpmath.betainc:", mpmath.nstr(worst, 3), file=sys.stderr)
