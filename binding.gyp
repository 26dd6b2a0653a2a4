{
  # The native backend: Node-API (NAPI_VERSION 8), no C++ exceptions, strict IEEE arithmetic
  # (-ffp-contract=off: no fused multiply-add; no fast-math; no -march=native). The kernels are
  # compiled once per ISA, each in its own static library with its own flags, and chosen at load
  # time from CPUID (native/addon.cpp). Every ISA returns the bits of the TypeScript reference.
  'variables': {
    'sa_cflags': ['-O3', '-fno-exceptions', '-fno-rtti', '-ffp-contract=off', '-fno-fast-math',
                  '-fno-finite-math-only', '-fsigned-zeros', '-fno-associative-math', '-fvisibility=hidden'],
  },
  'target_defaults': {
    'defines': ['NAPI_VERSION=8', 'NAPI_DISABLE_CPP_EXCEPTIONS'],
    'cflags_cc': ['<@(sa_cflags)', '-std=c++17'],
    'include_dirs': ['native'],
    'xcode_settings': {
      'OTHER_CPLUSPLUSFLAGS': ['-O3', '-ffp-contract=off', '-std=c++17', '-fno-exceptions'],
      'MACOSX_DEPLOYMENT_TARGET': '11.0',
    },
  },
  'targets': [
    {
      'target_name': 'sa_scalar',
      'type': 'static_library',
      'sources': ['native/isa/scalar.cpp'],
      'cflags_cc': ['-fPIC'],
    },
    {
      'target_name': 'simd_activations',
      'sources': ['native/addon.cpp'],
      'dependencies': ['sa_scalar'],
      'cflags_cc': ['-pthread'],
      'ldflags': ['-pthread'],
      'conditions': [
        ['target_arch=="x64"', { 'dependencies': ['sa_sse2', 'sa_avx2', 'sa_avx512'] }],
      ],
    },
  ],
  'conditions': [
    ['target_arch=="x64"', {
      'targets': [
        {
          'target_name': 'sa_sse2',
          'type': 'static_library',
          'sources': ['native/isa/sse2.cpp'],
          'cflags_cc': ['-fPIC', '-msse2'],
        },
        {
          'target_name': 'sa_avx2',
          'type': 'static_library',
          'sources': ['native/isa/avx2.cpp'],
          # AVX2 without -mfma: the compiler cannot form a fused multiply-add.
          'cflags_cc': ['-fPIC', '-mavx2', '-mno-fma'],
          'xcode_settings': { 'OTHER_CPLUSPLUSFLAGS': ['-mavx2', '-mno-fma'] },
        },
        {
          'target_name': 'sa_avx512',
          'type': 'static_library',
          'sources': ['native/isa/avx512.cpp'],
          # -fschedule-insns -fsched-pressure: GCC schedules before register allocation, watching
          # register pressure. The VF3 / VF4 chains (vec/pair.h) keep more values live than the 32
          # zmm registers, and without it GCC spills and reloads a few instructions later (a zmm
          # store-to-load round trip took about 30 cycles here); sigmoid' and tanh' +7 to 10% at 64K.
          'cflags_cc': ['-fPIC', '-mavx512f', '-mavx512bw', '-mavx512dq', '-mavx512vl', '-fschedule-insns', '-fsched-pressure', '-Wno-maybe-uninitialized', '-Wno-uninitialized'],
          'xcode_settings': { 'OTHER_CPLUSPLUSFLAGS': ['-mavx512f', '-mavx512bw', '-mavx512dq', '-mavx512vl'] },
        },
      ],
    }],
  ],
}
