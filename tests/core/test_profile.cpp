// Topic names, the builder (merge / set / remove), Profile and ProfileView::find.
#include <cmath>
#include <limits>

#include "helpers.hpp"

namespace rcp::test {
namespace {

// ------------------------------------------------------------ canonical_topic

TEST(CanonicalTopic, TrimsAsciiWhiteSpaceAndLowerCasesAscii) {
  EXPECT_EQ(canonical_topic(" Python "), "python");
  EXPECT_EQ(canonical_topic("\t\n\v\f\rFINANCE\r\n"), "finance");
  EXPECT_EQ(canonical_topic("Shop-Floor  Operations"), "shop-floor  operations");  // inner space kept
  EXPECT_EQ(canonical_topic("python"), "python");
}

TEST(CanonicalTopic, KeepsNonAsciiBytesAsTheyAre) {
  // Only ASCII letters fold: "Ä" (C3 84) is not "ä" (C3 A4).
  EXPECT_EQ(canonical_topic("\xC3\x84rger"), "\xC3\x84rger");
  EXPECT_NE(canonical_topic("\xC3\x84rger"), canonical_topic("\xC3\xA4rger"));
  // U+00A0 NO-BREAK SPACE is not ASCII white space: it stays.
  EXPECT_EQ(canonical_topic("\xC2\xA0x"), "\xC2\xA0x");
  // Emoji (4-byte UTF-8) and control characters other than NUL are allowed.
  EXPECT_EQ(canonical_topic("\xF0\x9F\x90\x8D Python"), "\xF0\x9F\x90\x8D python");
  EXPECT_EQ(canonical_topic("a\x01z"), "a\x01z");
}

TEST(CanonicalTopic, Empty) {
  EXPECT_EQ(error_of([] { canonical_topic(""); }), "topic name is empty");
  EXPECT_EQ(error_of([] { canonical_topic(" \t\r\n "); }), "topic name is empty");
}

TEST(CanonicalTopic, NulByte) {
  EXPECT_EQ(error_of([] { canonical_topic(std::string("A\0b", 3)); }), "topic name 'a?b' contains a NUL byte");
}

TEST(CanonicalTopic, InvalidUtf8) {
  const char* bad[] = {
      "\xFF",              // never valid
      "ab\x80",            // lone continuation byte
      "\xC0\x80",          // overlong NUL
      "\xC3",              // truncated 2-byte sequence
      "\xE2\x82",          // truncated 3-byte sequence
      "\xE0\x80\x80",      // overlong 3-byte
      "\xED\xA0\x80",      // UTF-16 surrogate U+D800
      "\xF0\x80\x80\x80",  // overlong 4-byte
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5\x80\x80\x80",  // lead byte out of range
  };
  for (const char* s : bad) {
    EXPECT_EQ(error_of([&] { canonical_topic(s); }), "topic name is not valid UTF-8") << s;
  }
}

TEST(CanonicalTopic, LengthLimitIs1024BytesAfterTrimming) {
  std::string max(1024, 'a');
  EXPECT_EQ(canonical_topic("  " + max + "  "), max);
  std::string over(1025, 'b');
  // The message shows 61 bytes then "...", and the length.
  EXPECT_EQ(error_of([&] { canonical_topic(over); }),
            "topic name '" + std::string(61, 'b') + "...' is longer than 1024 bytes (1025)");
}

TEST(CanonicalTopic, MessagesStayValidUtf8AndNulFree) {
  // 600 x "é" (2 bytes each) = 1200 bytes: the 61-byte cap must not split a
  // character; 30 characters (60 bytes) are shown.
  std::string e;
  for (int i = 0; i < 600; ++i) e += "\xC3\xA9";
  std::string shown;
  for (int i = 0; i < 30; ++i) shown += "\xC3\xA9";
  EXPECT_EQ(error_of([&] { canonical_topic(e); }), "topic name '" + shown + "...' is longer than 1024 bytes (1200)");
  // A NUL or invalid byte inside a too-long name is shown as '?'.
  std::string nul = std::string("x\0\xFF", 3) + std::string(1100, 'y');
  EXPECT_EQ(error_of([&] { canonical_topic(nul); }),
            "topic name 'x??" + std::string(58, 'y') + "...' is longer than 1024 bytes (1103)");
}

TEST(TopicKey, FirstEightBytesBigEndianZeroPadded) {
  EXPECT_EQ(topic_key(""), 0u);
  EXPECT_EQ(topic_key("a"), 0x6100000000000000ull);
  EXPECT_EQ(topic_key("python"), 0x707974686F6E0000ull);
  EXPECT_EQ(topic_key("abcdefgh"), 0x6162636465666768ull);
  EXPECT_EQ(topic_key("abcdefghijk"), topic_key("abcdefgh"));
  EXPECT_EQ(topic_key("\xFF"), 0xFF00000000000000ull);  // bytes are unsigned
}

// ---------------------------------------------------------- check_level_want

TEST(CheckLevelWant, AcceptsTheClosedRange) {
  EXPECT_NO_THROW(check_level_want("x", 0.0, 0.0));
  EXPECT_NO_THROW(check_level_want("x", 5.0, 1e300));
  EXPECT_NO_THROW(check_level_want("x", 2.5, std::numeric_limits<double>::denorm_min()));
}

TEST(CheckLevelWant, ExactMessages) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(error_of([&] { check_level_want("python", 7, 0); }), "level 7 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(error_of([&] { check_level_want("python", -1, 0); }), "level -1 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(error_of([&] { check_level_want("python", 5.0000001, 0); }),
            "level 5.0000001 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(error_of([&] { check_level_want("python", nan, 0); }), "level NaN for topic 'python' is not a finite number");
  EXPECT_EQ(error_of([&] { check_level_want("python", inf, 0); }),
            "level Infinity for topic 'python' is not a finite number");
  EXPECT_EQ(error_of([&] { check_level_want("python", -inf, 0); }),
            "level -Infinity for topic 'python' is not a finite number");
  EXPECT_EQ(error_of([&] { check_level_want("python", 1, -0.5); }), "want -0.5 for topic 'python' is negative");
  EXPECT_EQ(error_of([&] { check_level_want("python", 1, nan); }), "want NaN for topic 'python' is not a finite number");
  EXPECT_EQ(error_of([&] { check_level_want("python", 1, inf); }),
            "want Infinity for topic 'python' is not a finite number");
  // The level is checked before the want.
  EXPECT_EQ(error_of([&] { check_level_want("python", 9, -1); }), "level 9 for topic 'python' is outside [0, 5]");
}

// ------------------------------------------------------------ ProfileBuilder

TEST(ProfileBuilder, CanonicalisesNames) {
  Profile p = make({{" Python ", 4, 0}, {"FINANCE", 1, 3}});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.view().topic(0), "finance");
  EXPECT_EQ(p.view().topic(1), "python");
  EXPECT_EQ(p, make({{"finance", 1, 3}, {"python", 4, 0}}));
}

TEST(ProfileBuilder, MergeKeepsTheMaxLevelAndTheMaxWantSeparately) {
  // python: (2, 5) then (4, 1) then (3, 2) -> level max(2,4,3) = 4, want max(5,1,2) = 5.
  Profile p = make({{"python", 2, 5}, {" PYTHON", 4, 1}, {"Python\t", 3, 2}});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p.view().level(0), 4.0);
  EXPECT_EQ(p.view().want(0), 5.0);
}

TEST(ProfileBuilder, SetReplacesAndRemoveRemoves) {
  ProfileBuilder b;
  b.merge("python", 4, 3);
  b.set(" Python", 1, 0);  // replaces both fields, even with smaller values
  EXPECT_EQ(b.size(), 1u);
  Profile p = b.build();
  EXPECT_EQ(p.view().level(0), 1.0);
  EXPECT_EQ(p.view().want(0), 0.0);
  EXPECT_TRUE(b.remove("PYTHON "));
  EXPECT_FALSE(b.remove("python"));
  EXPECT_EQ(b.size(), 0u);
  EXPECT_EQ(b.build(), Profile());
  b.merge("a", 1, 1);
  b.clear();
  EXPECT_EQ(b.size(), 0u);
}

TEST(ProfileBuilder, RejectsBadNamesAndValues) {
  ProfileBuilder b;
  EXPECT_EQ(error_of([&] { b.merge("  ", 1, 1); }), "topic name is empty");
  EXPECT_EQ(error_of([&] { b.merge(" Python", 6, 1); }), "level 6 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(error_of([&] { b.set("Python", 1, -2); }), "want -2 for topic 'python' is negative");
  EXPECT_EQ(error_of([&] { b.remove(""); }), "topic name is empty");
  EXPECT_EQ(b.size(), 0u);  // nothing was added by a failed call
}

TEST(ProfileBuilder, WantsThatOverflowTheirSumAreRejectedAtBuild) {
  ProfileBuilder b;
  b.merge("a", 0, 1e308);
  b.merge("b", 0, 1e308);  // each is finite, the sum is not
  EXPECT_EQ(error_of([&] { b.build(); }), "wants add up to more than a double holds");
}

TEST(ProfileBuilder, NegativeZeroIsStoredAsZero) {
  Profile p = make({{"a", -0.0, -0.0}});
  EXPECT_FALSE(std::signbit(p.view().level(0)));
  EXPECT_FALSE(std::signbit(p.view().want(0)));
  EXPECT_EQ(p, make({{"a", 0.0, 0.0}}));
}

TEST(ProfileBuilder, TopicsAreInByteOrderAcrossSharedPrefixes) {
  // Keys hold the first 8 bytes; names that share them sort by the full bytes.
  Profile p = make({{"stakeholder mapping", 1, 0},
                    {"stakeholder management", 2, 0},
                    {"stakeholders", 3, 0},
                    {"ai", 4, 0},
                    {"ai tools", 5, 0},
                    {"\xC3\xA9tude", 1, 0},
                    {"zz", 1, 0}});
  const ProfileView& v = p.view();
  std::vector<std::string> got;
  for (std::size_t i = 0; i < v.size(); ++i) got.emplace_back(v.topic(i));
  std::vector<std::string> want = {"ai", "ai tools", "stakeholder management", "stakeholder mapping",
                                   "stakeholders", "zz", "\xC3\xA9tude"};
  EXPECT_EQ(got, want);
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ(v.key(i), key_of(got[i]));
}

// -------------------------------------------------------------------- Profile

TEST(Profile, EmptyProfileIsTheBareHeader) {
  Profile p;
  std::vector<unsigned char> want = {'R', 'c', 'p', 'P', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(p.blob(), want);
  EXPECT_EQ(p.size(), 0u);
  EXPECT_TRUE(p.view().empty());
  EXPECT_EQ(p.view().want_sum(), 0.0);
  EXPECT_EQ(ProfileBuilder().build(), p);
}

TEST(Profile, CopiesAndMovesKeepAValidView) {
  auto original = std::make_unique<Profile>(make({{"python", 4, 0}, {"finance", 1, 3}}));
  Profile copy = *original;
  Profile assigned;
  assigned = *original;
  original.reset();  // the copies must not point into the destroyed blob
  EXPECT_EQ(copy.view().topic(1), "python");
  EXPECT_EQ(assigned.view().want_sum(), 3.0);
  Profile moved = std::move(copy);
  EXPECT_EQ(moved.view().level(1), 4.0);
  Profile move_assigned;
  move_assigned = std::move(moved);
  EXPECT_EQ(move_assigned.view().topic(0), "finance");
  EXPECT_EQ(move_assigned.view().bytes(), move_assigned.blob().data());
  EXPECT_EQ(move_assigned.view().byte_size(), move_assigned.blob().size());
}

TEST(Profile, WantSumIsTheSumOfWants) {
  Profile p = make({{"a", 1, 0.5}, {"b", 2, 0.25}, {"c", 3, 0}});
  EXPECT_EQ(p.view().want_sum(), 0.75);
}

TEST(ProfileView, FindsCanonicalTopics) {
  Profile p = make({{"stakeholder mapping", 1, 0}, {"stakeholder management", 2, 0}, {"ai", 4, 0},
                    {"ai tools", 5, 0}, {"python", 3, 1}});
  const ProfileView& v = p.view();
  EXPECT_EQ(v.find("ai"), 0u);
  EXPECT_EQ(v.find("ai tools"), 1u);
  EXPECT_EQ(v.find("python"), 2u);
  EXPECT_EQ(v.find("stakeholder management"), 3u);
  EXPECT_EQ(v.find("stakeholder mapping"), 4u);
  EXPECT_EQ(v.find("stakeholder"), v.size());
  EXPECT_EQ(v.find("Python"), v.size());  // find takes canonical names only
  EXPECT_EQ(v.find("zzz"), v.size());
  EXPECT_EQ(Profile().view().find("a"), 0u);
}

TEST(Profile, MovedFromReadsAsEmpty) {
  Profile a = make({{"python", 4, 1}});
  Profile b(std::move(a));
  EXPECT_EQ(b.size(), 1u);
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): the documented state
  Profile c;
  c = std::move(b);
  EXPECT_EQ(c.size(), 1u);
  EXPECT_EQ(b.size(), 0u);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(c.view().topic(0), "python");
}

}  // namespace
}  // namespace rcp::test
