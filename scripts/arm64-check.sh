#!/bin/sh
# Runs the native kernels as arm64 builds them (the scalar ISA table, native/isa/scalar.cpp) on
# aarch64 under qemu, and checks their bits against x86-64 and the js reference. By hand only:
#
#   apt-get install -y g++-aarch64-linux-gnu qemu-user     (once; Debian packages)
#   npm install                                             (the addon and dist/, for the replay)
#   sh scripts/arm64-check.sh [WORKDIR]                     (default /tmp/sa-arm64; about a minute)
#
# It builds scripts/arm64-harness.cpp with native/isa/scalar.cpp twice from the same sources, with
# binding.gyp's flags for the scalar unit: natively (x86-64) and with aarch64-linux-gnu-g++
# (static, so qemu-aarch64 runs it without a sysroot). Each writes every input and output of its
# case set (the harness's header lists it); then
#  1. the two files are compared value by value (NaN equals NaN whatever its payload);
#  2. the aarch64 file is replayed (scripts/arm64-replay.js) through the js reference and, on
#     this machine, through the addon on every ISA it supports: every output must match;
#  3. the aarch64 object of the scalar unit is checked for fused multiply-adds (fmadd, fmsub,
#     fnmadd, fnmsub and their vector forms fmla, fmls), which -ffp-contract=off must keep out.
# So the arm64 build returns the js reference's bits on every case here, as x86 does. (qemu runs
# arm64's floating point in software, with arm64's rules; no arm64 hardware was at hand. The check
# does see contraction: with scalar.cpp alone built with -ffp-contract=fast, GCC 12 made 2524
# fused instructions and 184797 of the 13.7M outputs differed, 2026-11-24.)
set -eu
cd "$(dirname "$0")/.."
W=${1:-/tmp/sa-arm64}
mkdir -p "$W"
# The scalar unit's flags as node-gyp passes them (build/sa_scalar.target.mk: its defaults, then
# binding.gyp's sa_cflags; the last -std wins), without -m64 and the warnings. -iquote: native/math.h
# must not shadow <math.h>.
FLAGS="-fPIC -pthread -O3 -fno-omit-frame-pointer -fno-exceptions -fno-rtti -ffp-contract=off -fno-fast-math -fno-finite-math-only -fsigned-zeros -fno-associative-math -fvisibility=hidden -std=c++17 -std=gnu++17 -iquote native"
node scripts/gen-native-spec.js >/dev/null  # native/generated/*.h from src/spec.ts (npm install does it too)

g++ $FLAGS -o "$W/harness-x64" scripts/arm64-harness.cpp native/isa/scalar.cpp
aarch64-linux-gnu-g++ $FLAGS -static -o "$W/harness-arm64" scripts/arm64-harness.cpp native/isa/scalar.cpp
aarch64-linux-gnu-g++ $FLAGS -c -o "$W/scalar-arm64.o" native/isa/scalar.cpp

"$W/harness-x64" "$W/x64.bin"
qemu-aarch64 "$W/harness-arm64" "$W/arm64.bin"

echo "== 1. aarch64 against x86-64 (scalar table, same sources and flags)"
"$W/harness-x64" --compare "$W/arm64.bin" "$W/x64.bin"

echo "== 2. aarch64 outputs against the js reference and the addon's ISAs"
node scripts/arm64-replay.js "$W/arm64.bin"

echo "== 3. fused multiply-adds in the aarch64 scalar unit"
FMA=$(aarch64-linux-gnu-objdump -d "$W/scalar-arm64.o" | grep -cE '\s(fmadd|fmsub|fnmadd|fnmsub|fmla|fmls)\s' || true)
echo "$FMA instructions"
[ "$FMA" = 0 ]
echo "arm64 check passed"
