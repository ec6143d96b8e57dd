# Regenerates flonums-gsi.txt: python3 gen-flonums-gsi.py, then
#   script -qec "gsi x.scm" /dev/null | tr -d "\r" > out.txt
#   (echo header; paste in.txt out.txt) > flonums-gsi.txt
import random, struct, math
rnd = random.Random(20240917)
xs = []
# edge cases
edge = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 100.0, 0.1, 0.2, 0.3, 1/3, 2/3, 1e21, 1e20, 1e22, 1e23, 1e10, 1e9, 9999999999.5,
        9999999999.999998, 1e-3, 1e-4, 0.00099999, 1e-7, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
        1.7976931348623157e308, 2**53, 2**53+2, 2**63, 2**64, 2**-1074, 2**-1022, 2**70, 2**-20, 123456789.125, 1.2345678901234567e19,
        4.35, 0.1+0.2, 1e100, 1e-100, 9007199254740993.0, 0.0012345678901234567, 1234567890.1234567, 5e-5, 2.5e-3, 3.14159]
for p in range(-12, 23):
    edge.append(10.0**p); edge.append(-1.5*10.0**p); edge.append(9.87654321*10.0**p)
for e in range(-1074, 1024, 37):
    edge.append(2.0**e)
xs += edge
for _ in range(150):
    bits = rnd.getrandbits(64)
    x = struct.unpack('<d', struct.pack('<Q', bits))[0]
    if math.isnan(x) or math.isinf(x): continue
    xs.append(x)
for _ in range(150):
    digits = rnd.randint(1, 17)
    m = rnd.randint(1, 10**digits - 1)
    e = rnd.randint(-8, 14) - digits
    x = float(f"{m}e{e}")
    if rnd.random() < 0.3: x = -x
    xs.append(x)
with open("in.txt", "w") as f:
    for x in xs:
        f.write("%.16e\n" % x)
with open("x.scm", "w") as f:
    f.write("(for-each (lambda (x) (write x) (newline)) '(\n")
    for x in xs:
        f.write("%.16e\n" % x)
    f.write("))\n(force-output)\n")
print(len(xs))
# The powers of two appended at the end of the file: [2.0**e for e in range(-1074, 1024)],
# printed the same way with gsi.
