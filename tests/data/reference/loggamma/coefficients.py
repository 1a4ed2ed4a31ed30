"""Polynomial coefficients of VectorMath.LogGamma/Digamma (src/MleGen/Runtime/VectorMath.LogGamma.cs), by Chebyshev
interpolation (mpmath.chebyfit) at 50 digits, each coefficient rounded to the nearest double. Prints the C# arrays
(highest degree first, as Horner uses them) and each fit's own maximum relative error (before rounding).

  G(x) = log Γ(x) / ((x − 1)(x − 2)) on x ∈ [1, 3], in s = x − 2   (log Γ near both of its zeros: relative accuracy)
  H(x) = ψ(x) / (x − x₀) on x ∈ [1, 2], in s = x − 1.5            (ψ near its root x₀ = 1.4616…)
  ψ(x) on x ∈ [2, 3], in s = x − 2.5
  ψ(x + 1) on x ∈ [0.5, 1], in s = x − 0.75                        (ψ(x) = ψ(x + 1) − 1/x without rounding x + 1)

python3 coefficients.py   (mpmath 1.3.0; about 10 s)
"""
from mpmath import mp, mpf, loggamma, digamma, chebyfit, findroot, diff

mp.dps = 50
x0 = findroot(digamma, mpf('1.4616'))
tiny = mpf(10) ** -35


def g(s):
    x = 2 + s
    if abs(s) < tiny:
        return diff(loggamma, x) / (x - 1)
    if abs(x - 1) < tiny:
        return diff(loggamma, x) / (x - 2)
    return loggamma(x) / ((x - 1) * (x - 2))


def h(s):
    x = mpf('1.5') + s
    if abs(x - x0) < tiny:
        return diff(digamma, x)
    return digamma(x) / (x - x0)


fits = [
    ('LogGammaG', g, -1, 1, 30),
    ('DigammaRoot', h, mpf('-0.5'), mpf('0.5'), 24),
    ('DigammaTwoThree', lambda s: digamma(mpf('2.5') + s), mpf('-0.5'), mpf('0.5'), 18),
    ('DigammaShifted', lambda s: digamma(mpf('1.75') + s), mpf('-0.25'), mpf('0.25'), 16),
]

x0hi = float(x0)
print('// x₀ = %s' % mp.nstr(x0, 40))
print('private const double DigammaRootHi = %r, DigammaRootLo = %r;' % (x0hi, float(x0 - mpf(x0hi))))
for name, f, a, b, n in fits:
    poly, err = chebyfit(f, [a, b], n, error=True)
    scale = min(abs(f(a)), abs(f(b)), abs(f(mpf(0))))
    print('// %s: %d coefficients, interpolation error %s (relative %s)' % (name, n, mp.nstr(err, 3), mp.nstr(err / scale, 3)))
    print('private static ReadOnlySpan<double> %s => [%s];' % (name, ', '.join(repr(float(c)) for c in poly)))
