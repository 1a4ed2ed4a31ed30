# python3 tests/data/reference/vectormath/true_ulp.py   (mpmath 1.3; ~1 minute)
# Prints the true maximum ulp errors of VectorMath (docs/internals/simd.md) and the 40 InlineData references of
# VectorMathTests.AgreesWithMpmathAt.
# Emulates VectorMath's scalar twins (FMA path) in Python with an exact fma, and measures their true error
# against mpmath at 200 bits.
import math, random, struct, mpmath
mpmath.mp.prec = 200
def fma(a, b, c): return float(mpmath.mpf(a) * mpmath.mpf(b) + mpmath.mpf(c))
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
def frombits(b): return struct.unpack('<d', struct.pack('<Q', b & 0xFFFFFFFFFFFFFFFF))[0]
Ln2Hi=6.93147180369123816490e-01; Ln2Lo=1.90821492927058770002e-10; Log2E=1.4426950408889634; Magic=6755399441055744.0
C=[1.0/math.factorial(k) for k in range(14)]
Lg=[None,6.666666666666735130e-01,3.999999999940941908e-01,2.857142874366239149e-01,2.222219843214978396e-01,1.818357216161805012e-01,1.531383769920937332e-01,1.479819860511658591e-01]
def p2(k): return frombits(((bits(k+Magic)+1023) << 52))
def exp(x):
    if x != x: return x
    c = min(max(x, -746.0), 710.0)
    n = fma(c, Log2E, Magic) - Magic
    r = fma(-n, Ln2Lo, fma(-n, Ln2Hi, c))
    p = fma(C[13], r, C[12])
    for k in range(11, 1, -1): p = fma(p, r, C[k])
    p = fma(p, r, 1.0); p = fma(p, r, 1.0)
    h = math.floor(n*0.5)
    try: return p * p2(h) * p2(n-h)
    except OverflowError: return math.inf
def core(f, k, c):
    s = f/(2+f); z = s*s; w = z*z
    t1 = w*fma(w, fma(w, Lg[6], Lg[4]), Lg[2]); t2 = z*fma(w, fma(w, fma(w, Lg[7], Lg[5]), Lg[3]), Lg[1])
    hs = 0.5*f*f; low = fma(s, hs+(t2+t1), fma(k, Ln2Lo, c))
    return fma(k, Ln2Hi, (low-hs)+f)
def decompose(x):
    b = bits(x); e = frombits((b >> 52) | 0x4330000000000000) - 4503599627370496.0
    m = frombits((b & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000); up = m > 1.4142135623730951
    if up: m *= 0.5
    return m, e, up
def log(x):
    sub = x < 2.2250738585072014E-308; s = x*4503599627370496.0 if sub else x
    m, e, up = decompose(s); k = e - (1075.0 if sub else 1023.0) + (1.0 if up else 0.0)
    return core(m-1, k, 0.0)
def log1p(x):
    if x == 0: return x
    u = 1+x; b = u-1; c = ((1-(u-b))+(x-b))/u
    m, e, up = decompose(u); k = e - 1023.0 + (1.0 if up else 0.0)
    return core(m-1, k, c)
def softplus(x): return (x if x > 0 else 0.0) + log1p(exp(-abs(x)))
def err(v, t):
    tf = float(t); return float(abs(mpmath.mpf(v)-t)/math.ulp(abs(tf))) if tf != 0 else 0.0
rnd = random.Random(12)
M = mpmath
cases = {
 'exp': (exp, lambda x: M.exp(M.mpf(x)), [rnd.uniform(-745, 709.7) for _ in range(3000)] + [rnd.uniform(-1,1) for _ in range(1000)]),
 'log': (log, lambda x: M.log(M.mpf(x)), [frombits(rnd.randrange(1, 0x7FF0000000000000)) for _ in range(3000)] + [rnd.uniform(0.5,2) for _ in range(1000)]),
 'log1p': (log1p, lambda x: M.log1p(M.mpf(x)), [rnd.uniform(-1,1) for _ in range(1500)] + [math.exp(rnd.uniform(-740, 0))*rnd.choice([-1,1]) for _ in range(2500)] + [-1.7287903414433277E-16]),
 'softplus': (softplus, lambda x: M.log1p(M.exp(M.mpf(x))), [rnd.uniform(-40,40) for _ in range(3000)] + [rnd.uniform(-740,700) for _ in range(1000)] + [-17.777247944743067]),
 'log-sigmoid': (lambda x: -softplus(-x), lambda x: -M.log1p(M.exp(-M.mpf(x))), [rnd.uniform(-40,40) for _ in range(3000)] + [21.42801311399228]),
}
for name, (f, t, xs) in cases.items():
    worst = max((err(f(x), t(x)), x) for x in xs)
    print(f"{name}: true max {worst[0]:.3f} ulp at {worst[1]!r} over {len(xs)}")

def pair(t):
    hi = float(t); lo = float(t - mpmath.mpf(hi)); return hi, lo
pts = {
 'Exp': (lambda x: M.exp(M.mpf(x)), [-364.8910007995046, 572.9110765887435, 1.0, -0.3, 0.34, 700.0, -707.5, -740.0]),
 'Log': (lambda x: M.log(M.mpf(x)), [185.24779100278613, 1.6098953528310835, 0.7071, 1.4142, 1e-310, 1.0000001, 0.9999999, 1e300]),
 'Log1p': (lambda x: M.log1p(M.mpf(x)), [-1.7287903414433277E-16, 0.5904299628328262, -0.2928, 0.4142, 1e-10, -1e-10, -0.999999, 3.5e200]),
 'Softplus': (lambda x: M.log1p(M.exp(M.mpf(x))), [-17.777247944743067, -7.384402459528701, 0.0, 1.0, -1.0, 30.0, -700.0, 35.0]),
 'LogSigmoid': (lambda x: -M.log1p(M.exp(-M.mpf(x))), [21.42801311399228, 7.263654614595083, 0.0, 1.0, -1.0, -30.0, 700.0, -35.0]),
}
for name, (t, xs) in pts.items():
    for x in xs:
        hi, lo = pair(t(x))
        print(f'    [InlineData("{name}", {x!r}, {hi!r}, {lo!r})]')
