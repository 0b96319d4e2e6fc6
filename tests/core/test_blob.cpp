// Profile blob format v1: layout, round trip, and rejection of truncated,
// corrupted and hand-made invalid blobs.
#include <cmath>
#include <limits>

#include "core/score.hpp"
#include "helpers.hpp"

namespace rcp::test {
namespace {

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Valid blobs of several shapes, used by the round-trip, truncation and
// mutation tests.
std::vector<Profile> samples() {
  std::string long_name(300, 'q');
  return {
      Profile(),
      make({{"python", 4, 0}}),
      make({{"finance", 1, 3}, {"python", 4, 0}, {"strategy", 2, 1}}),
      make({{"stakeholder management", 5, 0.5}, {"stakeholder mapping", 0, 2}, {"ai", 0.25, 1e-3},
            {"ai tools", 3.75, 0}, {"\xC3\xA9tude", 2, 7}, {long_name, 1, 1}}),
  };
}

TEST(Blob, HandBuiltLayoutMatchesTheBuilderByteForByte) {
  // finance (1, 3), python (4, 0): keys "finance\0" and "python\0\0", name ends 7 and 13.
  RawBlob raw{{"finance", 1, 3}, {"python", 4, 0}};
  std::vector<unsigned char> b = raw.bytes();
  EXPECT_EQ(b.size(), 16u + 2 * 28 + 13);
  EXPECT_EQ(b, make({{"Python", 4, 0}, {"finance ", 1, 3}}).blob());
  // Spot-check the header fields at their documented offsets.
  EXPECT_EQ(std::string(b.begin(), b.begin() + 4), "RcpP");
  EXPECT_EQ(b[4], 1);   // version, little-endian u16
  EXPECT_EQ(b[5], 0);
  EXPECT_EQ(b[8], 2);   // n
  EXPECT_EQ(b[12], 13);  // names_len
  EXPECT_EQ(b[16 + 7], 'f');  // key 0, little-endian u64 of big-endian name bytes: top byte last
}

TEST(Blob, RoundTrip) {
  for (const Profile& p : samples()) {
    Profile back = Profile::from_blob(p.blob().data(), p.blob().size());
    EXPECT_EQ(back, p);
    EXPECT_EQ(reencode(back.view()), p);
    ProfileView v;
    ASSERT_TRUE(ProfileView::parse(p.blob().data(), p.blob().size(), &v));
    EXPECT_EQ(v.size(), p.size());
    EXPECT_EQ(v.want_sum(), p.view().want_sum());
    for (std::size_t i = 0; i < v.size(); ++i) {
      EXPECT_EQ(v.topic(i), p.view().topic(i));
      EXPECT_EQ(v.level(i), p.view().level(i));
      EXPECT_EQ(v.want(i), p.view().want(i));
    }
  }
}

TEST(Blob, ParseWithoutOutputsOnlyValidates) {
  Profile p = make({{"a", 1, 1}});
  EXPECT_TRUE(ProfileView::parse(p.blob().data(), p.blob().size(), nullptr, nullptr));
  EXPECT_FALSE(ProfileView::parse(p.blob().data(), 3, nullptr, nullptr));
  std::string why;
  EXPECT_FALSE(ProfileView::parse(nullptr, 0, nullptr, &why));
  EXPECT_EQ(why, "truncated: 0 bytes, a profile has at least 16");
}

TEST(Blob, FromBlobAndParseOrThrowThrowBadProfile) {
  std::vector<unsigned char> b = {'R', 'c', 'p'};
  EXPECT_EQ(error_of([&] { Profile::from_blob(b.data(), b.size()); }, ErrorCode::bad_profile),
            "truncated: 3 bytes, a profile has at least 16");
  EXPECT_EQ(error_of([&] { ProfileView::parse_or_throw(b.data(), b.size()); }, ErrorCode::bad_profile),
            "truncated: 3 bytes, a profile has at least 16");
}

TEST(Blob, EveryTruncationIsRejected) {
  for (const Profile& p : samples()) {
    const auto& full = p.blob();
    for (std::size_t len = 0; len < full.size(); ++len) {
      std::vector<unsigned char> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(len));
      std::string expect = len < 16 ? "truncated: " + std::to_string(len) + " bytes, a profile has at least 16"
                                    : "truncated: " + std::to_string(len) + " bytes, the header says " +
                                          std::to_string(full.size());
      EXPECT_EQ(why_rejected(cut), expect) << "prefix of " << len << " of " << full.size() << " bytes";
    }
  }
}

TEST(Blob, TrailingBytesAreRejected) {
  for (const Profile& p : samples()) {
    std::vector<unsigned char> b = p.blob();
    b.push_back(0);
    EXPECT_EQ(why_rejected(b), "wrong length: " + std::to_string(b.size()) + " bytes, the header says " +
                                   std::to_string(b.size() - 1));
  }
  // Extra bytes counted in names_len but after the last name.
  RawBlob raw{{"a", 1, 1}};
  raw.extra_names = "b";
  EXPECT_EQ(why_rejected(raw.bytes()), "name area has trailing bytes");
  // A profile of no topics with a non-empty name area.
  RawBlob empty_names;
  empty_names.extra_names = "x";
  EXPECT_EQ(why_rejected(empty_names.bytes()), "name area has trailing bytes");
}

// Every single-byte mutation of a valid blob either decodes to a profile that
// re-encodes identically, or is rejected; a decoded one scores in [0, 1].
// Never a crash (run this under the ASan build too).
TEST(Blob, EverySingleByteMutationIsRejectedOrCanonical) {
  const Profile other = make({{"finance", 5, 1}, {"python", 0, 2}, {"ai", 5, 1}, {"stakeholder mapping", 4, 1}});
  const unsigned char values[] = {0x00, 0x01, 0x20, 0x41, 0x7F, 0x80, 0xC3, 0xFF};
  std::size_t accepted = 0, rejected = 0;
  for (const Profile& p : samples()) {
    const auto& good = p.blob();
    for (std::size_t pos = 0; pos < good.size(); ++pos) {
      std::vector<unsigned char> muts;
      for (unsigned char v : values) muts.push_back(v);
      for (int bit = 0; bit < 8; ++bit) muts.push_back(static_cast<unsigned char>(good[pos] ^ (1u << bit)));
      for (unsigned char v : muts) {
        if (v == good[pos]) continue;
        std::vector<unsigned char> b = good;
        b[pos] = v;
        ProfileView view;
        std::string why;
        bool ok = ProfileView::parse(b.data(), b.size(), &view, &why);
        // The lean validator (parse) and the reference one agree on every mutation.
        EXPECT_EQ(ok, ProfileView::parse_reference(b.data(), b.size(), nullptr, nullptr))
            << "byte " << pos << " set to " << int(v);
        if (!ok) {
          EXPECT_FALSE(why.empty());
          EXPECT_EQ(why.find("internal error"), std::string::npos) << why;
          ++rejected;
          continue;
        }
        ++accepted;
        // One profile, one blob: whatever decodes re-encodes to the same bytes.
        EXPECT_EQ(reencode(view).blob(), b) << "byte " << pos << " set to " << int(v) << " decodes but re-encodes differently";
        for (Mode m : {Mode::harmonic, Mode::geometric, Mode::min, Mode::mean, Mode::uninorm}) {
          double s = score(view, other.view(), m);
          EXPECT_TRUE(s >= 0.0 && s <= 1.0) << s;
        }
      }
    }
  }
  // Both outcomes happen (e.g. a changed level decodes, a changed key does not).
  EXPECT_GT(accepted, 100u);
  EXPECT_GT(rejected, 1000u);
}

// The per-thread cache of validated blobs: a hit needs the very same bytes, so
// bytes changed in place at a remembered address are validated again.
TEST(Blob, ParseCacheIsExactlyAsStrictAsParse) {
  ProfileParseCache cache;
  for (const Profile& p : samples()) {
    std::vector<unsigned char> b = p.blob();
    for (std::size_t pos = 0; pos < b.size(); ++pos) {
      ProfileView first;
      ASSERT_TRUE(cache.parse(b.data(), b.size(), &first));  // remembered (or a hit)
      EXPECT_EQ(first.size(), p.size());
      EXPECT_EQ(first.want_sum(), p.view().want_sum());
      const unsigned char saved = b[pos];
      for (unsigned char v : {static_cast<unsigned char>(saved ^ 0x01), static_cast<unsigned char>(saved ^ 0x80)}) {
        b[pos] = v;
        ProfileView cached, direct;
        bool c = cache.parse(b.data(), b.size(), &cached);
        bool d = ProfileView::parse(b.data(), b.size(), &direct);
        ASSERT_EQ(c, d) << "byte " << pos << " set to " << int(v);
        if (c) {
          EXPECT_EQ(cached.size(), direct.size());
          EXPECT_EQ(cached.want_sum(), direct.want_sum());
          EXPECT_EQ(cached.bytes(), b.data());  // the view reads the caller's bytes
          for (std::size_t i = 0; i < cached.size(); ++i) {
            EXPECT_EQ(cached.topic(i), direct.topic(i));
            EXPECT_EQ(cached.level(i), direct.level(i));
          }
        }
      }
      b[pos] = saved;
    }
    // A prefix at the same address is not a hit either.
    ProfileView v;
    if (b.size() > 16) {
      EXPECT_FALSE(cache.parse(b.data(), b.size() - 1, &v));
    }
  }
}

TEST(Blob, NegativeZeroIsRejected) {
  // -0.0 is in [0, 5] and >= 0, but the builder always writes +0.0: accepting
  // it would give one profile two blobs (and SQL = / DISTINCT would differ).
  EXPECT_EQ(why_rejected(RawBlob{{"a", -0.0, 1}}.bytes()), "level for topic 'a' is -0 (zero is stored as +0)");
  EXPECT_EQ(why_rejected(RawBlob{{"a", 1, -0.0}}.bytes()), "want for topic 'a' is -0 (zero is stored as +0)");
  EXPECT_TRUE(ProfileView::parse(RawBlob{{"a", 0.0, 0.0}}.bytes().data(), RawBlob{{"a", 0.0, 0.0}}.bytes().size(), nullptr));
}

TEST(Blob, HeaderErrors) {
  RawBlob raw{{"a", 1, 1}};
  raw.magic = "RcpQ";
  EXPECT_EQ(why_rejected(raw.bytes()), "bad magic bytes");
  raw.magic = "rcpp";
  EXPECT_EQ(why_rejected(raw.bytes()), "bad magic bytes");
  raw.magic = "RcpP";
  raw.version = 0;
  EXPECT_EQ(why_rejected(raw.bytes()), "unsupported format version 0 (this build reads version 1)");
  raw.version = 2;
  EXPECT_EQ(why_rejected(raw.bytes()), "unsupported format version 2 (this build reads version 1)");
  raw.version = 256;  // a big-endian writer's 1
  EXPECT_EQ(why_rejected(raw.bytes()), "unsupported format version 256 (this build reads version 1)");
  raw.version = 1;
  raw.flags = 1;
  EXPECT_EQ(why_rejected(raw.bytes()), "unknown flags 1");
  raw.flags = 0x8000;
  EXPECT_EQ(why_rejected(raw.bytes()), "unknown flags 32768");
  raw.flags = 0;
  EXPECT_EQ(why_rejected(raw.bytes()), "OK");
}

TEST(Blob, CountAndLengthErrors) {
  // n over the limit of 2^20 topics.
  RawBlob big;
  big.n = (1 << 20) + 1;
  EXPECT_EQ(why_rejected(big.bytes()), "topic count 1048577 is over the limit of 1048576");
  // n and names_len that disagree with the size: 16 + 2 * 28 + 1 = 73 expected, 45 present.
  RawBlob more{{"a", 1, 1}};
  more.n = 2;
  EXPECT_EQ(why_rejected(more.bytes()), "truncated: 45 bytes, the header says 73");
  RawBlob fewer{{"a", 1, 1}, {"b", 1, 1}};
  fewer.n = 1;  // 16 + 28 + 2 = 46 expected, 74 present
  EXPECT_EQ(why_rejected(fewer.bytes()), "wrong length: 74 bytes, the header says 46");
  RawBlob huge_names{{"a", 1, 1}};
  huge_names.names_len = 0xFFFFFFFFll;  // 16 + 28 + 2^32 - 1: no overflow in the check
  EXPECT_EQ(why_rejected(huge_names.bytes()), "truncated: 45 bytes, the header says 4294967339");
}

TEST(Blob, NameOffsetErrors) {
  RawBlob zero{{"a", 1, 1}};
  zero.ends = {0};  // an empty name
  zero.extra_names = "";
  zero.names_len = 1;
  EXPECT_EQ(why_rejected(zero.bytes()), "bad name offsets at topic 0");
  RawBlob past{{"ab", 1, 1}};
  past.ends = {3};  // past names_len = 2
  EXPECT_EQ(why_rejected(past.bytes()), "bad name offsets at topic 0");
  RawBlob back{{"a", 1, 1}, {"b", 1, 1}, {"c", 1, 1}};
  back.keys = {key_of("ab")};  // topic 0 reads "ab" (ends at 2): a matching key
  back.ends = {2, 1, 3};  // decreasing
  EXPECT_EQ(why_rejected(back.bytes()), "bad name offsets at topic 1");
  RawBlob same{{"a", 1, 1}, {"b", 1, 1}};
  same.ends = {1, 1};  // second name empty
  same.names_len = 2;
  EXPECT_EQ(why_rejected(same.bytes()), "bad name offsets at topic 1");
  std::string too_long(1025, 'a');
  RawBlob over{{too_long, 1, 1}};
  EXPECT_EQ(why_rejected(over.bytes()), "bad name offsets at topic 0");
  RawBlob max{{std::string(1024, 'a'), 1, 1}};
  EXPECT_EQ(why_rejected(max.bytes()), "OK");
}

TEST(Blob, NonCanonicalNames) {
  EXPECT_EQ(why_rejected(RawBlob{{" a", 1, 1}}.bytes()), "topic 0 is not canonical: it has surrounding white space");
  EXPECT_EQ(why_rejected(RawBlob{{"a", 1, 1}, {"b\n", 1, 1}}.bytes()),
            "topic 1 is not canonical: it has surrounding white space");
  EXPECT_EQ(why_rejected(RawBlob{{"Python", 1, 1}}.bytes()), "topic 0 is not canonical: it has upper-case letters");
  EXPECT_EQ(why_rejected(RawBlob{{std::string("a\0b", 3), 1, 1}}.bytes()),
            "topic 0 is not canonical: it contains a NUL byte");
  EXPECT_EQ(why_rejected(RawBlob{{"\xC3\x28", 1, 1}}.bytes()), "topic 0 is not canonical: it is not valid UTF-8");
  EXPECT_EQ(why_rejected(RawBlob{{"\xED\xA0\x80", 1, 1}}.bytes()), "topic 0 is not canonical: it is not valid UTF-8");
  // A name that ends inside a multi-byte character, the rest in the next name.
  EXPECT_EQ(why_rejected(RawBlob{{"x\xC3", 1, 1}, {"\xA9", 1, 1}}.bytes()),
            "topic 0 is not canonical: it is not valid UTF-8");
  // Upper-case past the 8-byte SWAR block boundary, and inside a non-ASCII name.
  EXPECT_EQ(why_rejected(RawBlob{{"abcdefghijK", 1, 1}}.bytes()), "topic 0 is not canonical: it has upper-case letters");
  EXPECT_EQ(why_rejected(RawBlob{{"\xC3\xA9Z", 1, 1}}.bytes()), "topic 0 is not canonical: it has upper-case letters");
  // Inner white space and non-ASCII are canonical.
  EXPECT_EQ(why_rejected(RawBlob{{"a b", 1, 1}, {"\xC3\xA9", 1, 1}}.bytes()), "OK");
}

TEST(Blob, WrongSortKey) {
  RawBlob raw{{"python", 1, 1}};
  raw.keys = {key_of("python") + 1};
  EXPECT_EQ(why_rejected(raw.bytes()), "topic 0 has a wrong sort key");
  raw.keys = {0x00006E6F68747970ull};  // the name's bytes little-endian: wrong byte order
  EXPECT_EQ(why_rejected(raw.bytes()), "topic 0 has a wrong sort key");
  RawBlob second{{"a", 1, 1}, {"abcdefghij", 1, 1}};
  second.keys = {key_of("a"), key_of("abcdefgh") ^ 1};
  EXPECT_EQ(why_rejected(second.bytes()), "topic 1 has a wrong sort key");
}

TEST(Blob, UnsortedOrDuplicateTopics) {
  EXPECT_EQ(why_rejected(RawBlob{{"b", 1, 1}, {"a", 1, 1}}.bytes()), "topics are not sorted and unique at topic 1");
  EXPECT_EQ(why_rejected(RawBlob{{"a", 1, 1}, {"a", 2, 2}}.bytes()), "topics are not sorted and unique at topic 1");
  // Same 8-byte key: ordered by the whole name.
  EXPECT_EQ(why_rejected(RawBlob{{"abcdefghz", 1, 1}, {"abcdefghy", 1, 1}}.bytes()),
            "topics are not sorted and unique at topic 1");
  EXPECT_EQ(why_rejected(RawBlob{{"abcdefghy", 1, 1}, {"abcdefghy", 1, 1}}.bytes()),
            "topics are not sorted and unique at topic 1");
  EXPECT_EQ(why_rejected(RawBlob{{"a", 1, 1}, {"c", 1, 1}, {"b", 1, 1}}.bytes()),
            "topics are not sorted and unique at topic 2");
  EXPECT_EQ(why_rejected(RawBlob{{"abcdefghy", 1, 1}, {"abcdefghz", 1, 1}, {"b", 1, 1}}.bytes()), "OK");
  // Bytes compare unsigned: "z" (0x7A) before "é" (0xC3 ...).
  EXPECT_EQ(why_rejected(RawBlob{{"\xC3\xA9", 1, 1}, {"z", 1, 1}}.bytes()),
            "topics are not sorted and unique at topic 1");
}

TEST(Blob, LevelErrors) {
  EXPECT_EQ(why_rejected(RawBlob{{"x", kNaN, 1}}.bytes()), "level NaN for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", kInf, 1}}.bytes()), "level Infinity for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", -kInf, 1}}.bytes()), "level -Infinity for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", -1, 1}}.bytes()), "level -1 for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 5.5, 1}}.bytes()), "level 5.5 for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", std::nextafter(5.0, 6.0), 1}}.bytes()),
            "level 5.000000000000001 for topic 'x' is outside [0, 5]");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 5, 1}}.bytes()), "OK");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 0, 1}}.bytes()), "OK");
}

TEST(Blob, WantErrors) {
  EXPECT_EQ(why_rejected(RawBlob{{"x", 1, -1}}.bytes()), "want -1 for topic 'x' is not a finite number >= 0");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 1, kNaN}}.bytes()), "want NaN for topic 'x' is not a finite number >= 0");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 1, kInf}}.bytes()), "want Infinity for topic 'x' is not a finite number >= 0");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 1, 1e308}}.bytes()), "OK");
  EXPECT_EQ(why_rejected(RawBlob{{"x", 1, 1e308}, {"y", 1, 1e308}}.bytes()), "wants add up to more than a double holds");
}

TEST(Blob, FirstProblemIsReported) {
  // Topic 0 is fine, topic 1 has both a bad key and a bad level: the key is checked first.
  RawBlob raw{{"a", 1, 1}, {"b", 9, 1}};
  raw.keys = {key_of("a"), 7};
  EXPECT_EQ(why_rejected(raw.bytes()), "topic 1 has a wrong sort key");
}

// The worked example of docs/profile-format.md, byte for byte.
TEST(Blob, DocumentedExample) {
  Profile p = profile_from_json(R"({"SQL": {"level": 4}, "finance": {"level": 1, "want": 3}})");
  const char* hex =
      "5263705001000000020000000a000000"  // magic, version 1, flags 0, n = 2, L = 10
      "0065636e616e6966"                  // key("finance")
      "00000000006c7173"                  // key("sql")
      "000000000000f03f0000000000001040"  // levels 1, 4
      "00000000000008400000000000000000"  // wants 3, 0
      "070000000a000000"                  // ends 7, 10
      "66696e616e636573716c";             // "financesql"
  std::string got;
  for (unsigned char c : p.blob()) {
    static const char digits[] = "0123456789abcdef";
    got += digits[c >> 4];
    got += digits[c & 15];
  }
  EXPECT_EQ(got, hex);
  EXPECT_EQ(p.blob().size(), 82u);
}

}  // namespace
}  // namespace rcp::test
