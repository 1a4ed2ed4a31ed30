"""log F(z; nu) of the standard Student t and its first two derivatives in nu at fixed z, at 50 digits (mpmath), for
StudentTLogCdfTests. Independent of MleGen's incomplete-beta continued fraction:

* nu <= 4e5: F(z) = I_x(nu/2, 1/2)/2 below 0 and 1 - I_x(nu/2, 1/2)/2 above (x = nu/(nu + z^2)) by mpmath.betainc (its
  hypergeometric series), the nu-derivatives by mpmath.diff of that log F;
* nu >= 1e6 (where betainc's series no longer converges): a quadrature of the density. For z < 0, with
  g(u) = log f(u; nu) = log Gamma((nu+1)/2) - log Gamma(nu/2) - log(nu pi)/2 - (nu+1)/2 log1p(u^2/nu),

    P  = int_{|z|}^inf exp(g) du,  P' = int g_nu exp(g) du,  P'' = int (g_nunu + g_nu^2) exp(g) du

  (the limits do not depend on nu), integrated in s = log u with breakpoints on the scale of the integrand's decay, and
  log F = log P, d log F/dnu = P'/P, d2 = P''/P - (P'/P)^2. For z > 0, F = 1 - P(-z). The closed forms g_nu and g_nunu
  are checked against mpmath.diff.

The two methods are cross-checked at nu = 1e4 and 1e5 (all three values); the largest disagreement and the quadrature's
largest error estimate are printed to stderr.

Each line: nu, z, logF, dlogF/dnu, d2logF/dnu2 as the nearest doubles (repr). log S(z) = log F(-z) is the row of -z.
Regenerate: python3 reference.py > reference.csv   (a few minutes; then Rscript reference_r.R)
"""
import sys
import mpmath as mp

mp.mp.dps = 50

NUS = ["0.1", "0.5", "1", "2", "3", "4.5", "10", "30", "100", "1e3", "1e4", "1e5", "4e5", "1e6", "1e8"]
ZS = ["1e-8", "0.01", "0.3", "1", "1.5", "1.7", "1.8", "2", "2.5", "3", "5", "10", "40", "1e3", "1e8"]


def g(nu, u):
    return mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2 - (nu + 1) / 2 * mp.log1p(u * u / nu)


def g_nu(nu, u):
    return (mp.digamma((nu + 1) / 2) - mp.digamma(nu / 2)) / 2 - 1 / (2 * nu) - mp.log1p(u * u / nu) / 2 \
        + (nu + 1) * u * u / (2 * nu * (nu + u * u))


def g_nunu(nu, u):
    u2 = u * u
    return (mp.psi(1, (nu + 1) / 2) - mp.psi(1, nu / 2)) / 4 + 1 / (2 * nu * nu) + u2 / (nu * (nu + u2)) \
        - (nu + 1) * u2 * (2 * nu + u2) / (2 * nu * nu * (nu + u2) ** 2)


def tail(nu, c):
    """(P, P', P'') for the upper tail beyond c > 0."""
    g0 = g(nu, c)
    s0 = mp.log(c)
    # decay rate of exp(g(e^s) + s) in s at s0
    rate = abs((nu + 1) * c * c / (nu + c * c) - 1) + 1
    h = 1 / rate
    points = [s0] + [s0 + h * k for k in (1, 4, 16, 64, 256, 1024, 4096)] + [s0 + 1e4 * h + 50, mp.inf]
    def integrand(order):
        def f(s):
            u = mp.exp(s)
            w = mp.exp(g(nu, u) - g0 + s)
            if order == 0:
                return w
            gn = g_nu(nu, u)
            return w * (gn if order == 1 else g_nunu(nu, u) + gn * gn)
        return f
    scale = mp.exp(g0)
    out = []
    for order in range(3):
        value, err = mp.quad(integrand(order), points, error=True, maxdegree=10)
        out.append((value, err))
    return [v * scale for v, _ in out], max(abs(e / v) if v != 0 else 0 for v, e in out)


def log_cdf(nu, z):
    if z == 0:
        return mp.log(mp.mpf(1) / 2), mp.mpf(0), mp.mpf(0), mp.mpf(0)
    (p, p1, p2), err = tail(nu, abs(z))
    if z < 0:
        d1 = p1 / p
        return mp.log(p), d1, p2 / p - d1 * d1, err
    q = 1 - p
    d1 = -p1 / q
    return mp.log(q), d1, -p2 / q - d1 * d1, err


def log_cdf_beta(nu, z):
    if z == 0:
        return mp.log(mp.mpf(1) / 2), mp.mpf(0), mp.mpf(0)
    def lf(n):
        t = mp.betainc(n / 2, mp.mpf(1) / 2, 0, n / (n + z * z), regularized=True) / 2
        return mp.log(t) if z < 0 else mp.log1p(-t)
    return lf(nu), mp.diff(lf, nu, 1), mp.diff(lf, nu, 2)


def main():
    # the closed forms of g_nu, g_nunu against numerical differentiation
    for nu, u in [(mp.mpf("0.7"), mp.mpf(3)), (mp.mpf(25), mp.mpf("0.4")), (mp.mpf(1e4), mp.mpf(50))]:
        assert abs(mp.diff(lambda n: g(n, u), nu) - g_nu(nu, u)) < mp.mpf("1e-25")
        assert abs(mp.diff(lambda n: g(n, u), nu, 2) - g_nunu(nu, u)) < mp.mpf("1e-25")
    worst_quad = 0
    worst_cross = 0
    for nu in (mp.mpf(10000), mp.mpf(100000)):
        for z in ("-40", "-3", "1.7", "10"):
            z = mp.mpf(z)
            a = log_cdf_beta(nu, z)
            b = log_cdf(nu, z)
            worst_quad = max(worst_quad, b[3])
            worst_cross = max([worst_cross] + [abs(a[k] - b[k]) / abs(a[k]) for k in range(3)])
    print("nu,z,logF,dlogF,d2logF")
    for nus in NUS:
        nu = mp.mpf(float(nus))
        zs = ["-" + z for z in reversed(ZS)] + ["0"] + ZS
        for zs_ in zs:
            z = mp.mpf(float(zs_))
            if nu <= 400000:
                lf, d1, d2 = log_cdf_beta(nu, z)
            else:
                lf, d1, d2, err = log_cdf(nu, z)
                worst_quad = max(worst_quad, err)
            print(f"{float(nu)!r},{float(z)!r},{float(lf)!r},{float(d1)!r},{float(d2)!r}")
            sys.stdout.flush()
    print(f"quadrature: largest estimated relative error {mp.nstr(worst_quad, 3)}; "
          f"betainc vs quadrature (nu = 1e4, 1e5): largest relative difference {mp.nstr(worst_cross, 3)}", file=sys.stderr)


main()
