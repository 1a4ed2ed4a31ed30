"""log Γ(y + φ) − log Γ(φ), ψ(y + φ) − ψ(φ) and ψ′(y + φ) − ψ′(φ) at 60 digits (mpmath), for GammaDifferenceTests.

Each line: y, φ, then each difference as the nearest double (repr, 17 digits round-trip). φ from 1e-3 to 1e15, y from 0
to 1e6 (counts, and a few non-integers). Regenerate: python3 reference.py > reference.csv
"""
import mpmath

mpmath.mp.dps = 60

phis = ["1e-3", "0.01", "0.1", "0.5", "0.618", "1", "1.5", "2", "3.7", "7.25", "9.99", "10", "12.5", "31", "100", "1e3",
        "1e4", "1e5", "1e6", "1e8", "5e9", "1e12", "1e15"]
ys = ["0", "1", "2", "3", "5", "10", "17", "50", "100", "1000", "1e4", "1e5", "1e6", "0.25", "2.5", "123.75"]

print("y,phi,lgd,dgd,tgd")
for p in phis:
    for y in ys:
        # the arguments as the doubles the test passes
        phi = mpmath.mpf(float(p))
        yy = mpmath.mpf(float(y))
        lgd = mpmath.loggamma(yy + phi) - mpmath.loggamma(phi)
        dgd = mpmath.digamma(yy + phi) - mpmath.digamma(phi)
        tgd = mpmath.psi(1, yy + phi) - mpmath.psi(1, phi)
        print(f"{float(y)!r},{float(p)!r},{float(lgd)!r},{float(dgd)!r},{float(tgd)!r}")
