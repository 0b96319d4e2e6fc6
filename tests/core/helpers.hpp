// Shared helpers for the core tests: profiles from literals, and blobs built
// by hand from the documented v1 layout (independently of ProfileBuilder).
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/profile.hpp"

namespace rcp::test {

struct Topic {
  std::string name;
  double level = 0.0;
  double want = 0.0;
};

// A profile from (topic, level, want) triples, merged like the SQL aggregate.
inline Profile make(std::initializer_list<Topic> topics) {
  ProfileBuilder b;
  for (const auto& t : topics) b.merge(t.name, t.level, t.want);
  return b.build();
}

// The sort key written by hand: first 8 bytes, big-endian, zero-padded.
inline std::uint64_t key_of(const std::string& name) {
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    k <<= 8;
    if (i < name.size()) k |= static_cast<unsigned char>(name[i]);
  }
  return k;
}

// Format v1, little-endian:
//   header 16 bytes: magic "RcpP", u16 version = 1, u16 flags = 0, u32 n, u32 names_len
//   then u64 keys[n], f64 levels[n], f64 wants[n], u32 name_ends[n], names bytes.
// Every field can be overridden to build a corrupt blob.
struct RawBlob {
  std::string magic = "RcpP";
  std::uint16_t version = 1;
  std::uint16_t flags = 0;
  std::vector<std::string> names;
  std::vector<double> levels;
  std::vector<double> wants;
  std::vector<std::uint64_t> keys;       // default: key_of(name)
  std::vector<std::uint32_t> ends;       // default: running sum of name sizes
  long long n = -1;                      // default: names.size()
  long long names_len = -1;              // default: sum of name sizes (+ extra_names)
  std::string extra_names;               // appended to the name area
  std::string trailing;                  // appended after everything

  RawBlob() = default;
  RawBlob(std::initializer_list<Topic> topics) {
    for (const auto& t : topics) {
      names.push_back(t.name);
      levels.push_back(t.level);
      wants.push_back(t.want);
    }
  }

  std::vector<unsigned char> bytes() const {
    std::vector<unsigned char> out;
    auto put = [&](const void* p, std::size_t len) {
      const auto* c = static_cast<const unsigned char*>(p);
      out.insert(out.end(), c, c + len);
    };
    std::string all_names;
    for (const auto& s : names) all_names += s;
    all_names += extra_names;
    std::uint32_t count = static_cast<std::uint32_t>(n >= 0 ? n : static_cast<long long>(names.size()));
    std::uint32_t nl = static_cast<std::uint32_t>(names_len >= 0 ? names_len : static_cast<long long>(all_names.size()));
    put(magic.data(), 4);
    put(&version, 2);
    put(&flags, 2);
    put(&count, 4);
    put(&nl, 4);
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::uint64_t k = i < keys.size() ? keys[i] : key_of(names[i]);
      put(&k, 8);
    }
    for (double v : levels) put(&v, 8);
    for (double v : wants) put(&v, 8);
    std::uint32_t end = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
      end += static_cast<std::uint32_t>(names[i].size());
      std::uint32_t e = i < ends.size() ? ends[i] : end;
      put(&e, 4);
    }
    put(all_names.data(), all_names.size());
    put(trailing.data(), trailing.size());
    return out;
  }
};

// The reason ProfileView::parse gives, or "OK".
inline std::string why_rejected(const std::vector<unsigned char>& b) {
  std::string why;
  ProfileView v;
  if (ProfileView::parse(b.data(), b.size(), &v, &why)) return "OK";
  return why;
}

// The message and code of the rcp::Error that `f` throws.
template <typename F>
std::string error_of(F&& f, ErrorCode expect_code = ErrorCode::invalid_argument) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(static_cast<int>(e.code()), static_cast<int>(expect_code)) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no rcp::Error thrown";
  return "";
}

// Re-encodes a view through the builder (set: one entry per topic).
inline Profile reencode(const ProfileView& v) {
  ProfileBuilder b;
  for (std::size_t i = 0; i < v.size(); ++i) b.set(v.topic(i), v.level(i), v.want(i));
  return b.build();
}

}  // namespace rcp::test
