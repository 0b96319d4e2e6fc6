// Allocation-failure injection for the C API tests: replaces the global
// operator new/delete of the test program (include from exactly one file per
// executable). AllocFailAfter(n) lets n allocations succeed, then every
// allocation throws std::bad_alloc until it goes out of scope.
#pragma once

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocs_until_failure{-1};  // -1: never fail
}

void* operator new(std::size_t n) {
  long left = g_allocs_until_failure.load(std::memory_order_relaxed);
  if (left >= 0) {
    if (left == 0) throw std::bad_alloc();
    g_allocs_until_failure.store(left - 1, std::memory_order_relaxed);
  }
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {
struct AllocFailAfter {
  explicit AllocFailAfter(long n) { g_allocs_until_failure = n; }
  ~AllocFailAfter() { g_allocs_until_failure = -1; }
};
}  // namespace
