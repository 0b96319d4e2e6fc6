// The JSON reader/writer and the JSON form of profiles.
#include <limits>

#include "core/json.hpp"
#include "helpers.hpp"

namespace rcp::test {
namespace {

std::string json_error(std::string_view text) {
  return error_of([&] { json::parse(text); });
}
std::string profile_error(std::string_view text) {
  return error_of([&] { profile_from_json(text); });
}

// ---------------------------------------------------------------- json::parse

TEST(Json, ParsesEveryValueType) {
  json::Value v = json::parse(R"( {"a": [1, -2.5e1, true, false, null, "x\u00e9\ud83d\ude00"], "a": {}} )");
  ASSERT_EQ(v.type, json::Value::Type::object);
  ASSERT_EQ(v.object.size(), 2u);  // duplicate keys are kept, in order
  EXPECT_EQ(v.object[0].first, "a");
  const auto& arr = v.object[0].second.array;
  ASSERT_EQ(arr.size(), 6u);
  EXPECT_EQ(arr[0].number, 1.0);
  EXPECT_EQ(arr[1].number, -25.0);
  EXPECT_TRUE(arr[2].boolean);
  EXPECT_EQ(arr[3].type, json::Value::Type::boolean);
  EXPECT_FALSE(arr[3].boolean);
  EXPECT_EQ(arr[4].type, json::Value::Type::null);
  EXPECT_EQ(arr[5].string, "x\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(v.object[1].second.type, json::Value::Type::object);
  EXPECT_STREQ(arr[0].type_name(), "a number");
  EXPECT_STREQ(arr[2].type_name(), "a boolean");
  EXPECT_STREQ(arr[4].type_name(), "null");
  EXPECT_STREQ(arr[5].type_name(), "a string");
  EXPECT_STREQ(v.object[0].second.type_name(), "an array");
  EXPECT_STREQ(v.type_name(), "an object");
}

TEST(Json, EscapesDecode) {
  json::Value v = json::parse(R"("\"\\\/\b\f\n\r\t\u0041\u0000")");
  EXPECT_EQ(v.string, std::string("\"\\/\b\f\n\r\tA\0", 10));
}

TEST(Json, ErrorMessagesWithByteOffsets) {
  // The byte offset is where the problem was seen (for "number out of range":
  // where the number starts).
  EXPECT_EQ(json_error(""), "malformed JSON at byte 0: unexpected end of text");
  EXPECT_EQ(json_error("   "), "malformed JSON at byte 3: unexpected end of text");
  EXPECT_EQ(json_error("x"), "malformed JSON at byte 0: unexpected character");
  EXPECT_EQ(json_error("tru"), "malformed JSON at byte 0: unexpected character");
  EXPECT_EQ(json_error("nul"), "malformed JSON at byte 0: unexpected character");
  EXPECT_EQ(json_error("NaN"), "malformed JSON at byte 0: unexpected character");
  EXPECT_EQ(json_error("{} x"), "malformed JSON at byte 3: unexpected text after the JSON value");
  EXPECT_EQ(json_error("{1:2}"), "malformed JSON at byte 1: expected a string key");
  EXPECT_EQ(json_error("{\"a\":1,}"), "malformed JSON at byte 7: expected a string key");  // no trailing comma
  EXPECT_EQ(json_error("{\"a\" 1}"), "malformed JSON at byte 5: expected ':'");
  EXPECT_EQ(json_error("{\"a\":1 \"b\":2}"), "malformed JSON at byte 7: expected ',' or '}'");
  EXPECT_EQ(json_error("{\"a\":1"), "malformed JSON at byte 6: expected ',' or '}'");
  EXPECT_EQ(json_error("[1 2]"), "malformed JSON at byte 3: expected ',' or ']'");
  EXPECT_EQ(json_error("[1,]"), "malformed JSON at byte 3: unexpected character");
  EXPECT_EQ(json_error("-"), "malformed JSON at byte 1: invalid number");
  EXPECT_EQ(json_error("-a"), "malformed JSON at byte 1: invalid number");
  EXPECT_EQ(json_error("1."), "malformed JSON at byte 2: invalid number");
  EXPECT_EQ(json_error("1e"), "malformed JSON at byte 2: invalid number");
  EXPECT_EQ(json_error("1e+"), "malformed JSON at byte 3: invalid number");
  EXPECT_EQ(json_error("01"), "malformed JSON at byte 1: unexpected text after the JSON value");
  EXPECT_EQ(json_error("+1"), "malformed JSON at byte 0: unexpected character");
  EXPECT_EQ(json_error("[1e999]"), "malformed JSON at byte 1: number out of range");
  EXPECT_EQ(json_error("\"abc"), "malformed JSON at byte 4: unterminated string");
  EXPECT_EQ(json_error("\"abc\\"), "malformed JSON at byte 5: unterminated string");
  EXPECT_EQ(json_error("\"a\nb\""), "malformed JSON at byte 2: control character in string");
  EXPECT_EQ(json_error("\"\\x\""), "malformed JSON at byte 2: invalid escape");
  EXPECT_EQ(json_error("\"\\u12\""), "malformed JSON at byte 3: truncated \\u escape");
  EXPECT_EQ(json_error("\"\\u12g4\""), "malformed JSON at byte 5: invalid \\u escape");
  EXPECT_EQ(json_error("\"\\ud800\""), "malformed JSON at byte 7: lone surrogate in \\u escape");
  EXPECT_EQ(json_error("\"\\ud800\\u0041\""), "malformed JSON at byte 13: lone surrogate in \\u escape");
  EXPECT_EQ(json_error("\"\\udc00\""), "malformed JSON at byte 7: lone surrogate in \\u escape");
  EXPECT_EQ(json_error("\"a\xFF\""), "malformed JSON at byte 2: invalid UTF-8");
  EXPECT_EQ(json_error("\"\xC0\x80\""), "malformed JSON at byte 1: invalid UTF-8");
  EXPECT_EQ(json_error("\"\xED\xA0\x80\""), "malformed JSON at byte 1: invalid UTF-8");
}

TEST(Json, NestingIsLimited) {
  // 65 nested arrays parse (depths 0..64), 66 do not: the 66th '[' is at byte 65.
  EXPECT_NO_THROW(json::parse(std::string(65, '[') + std::string(65, ']')));
  EXPECT_EQ(json_error(std::string(66, '[') + std::string(66, ']')),
            "malformed JSON at byte 65: nested deeper than 64 levels");
}

TEST(Json, ValueCountIsLimited) {
  // A bound on the values (scalars, arrays, objects, the document included)
  // bounds the parse tree: 3 values pass a bound of 3, not of 2.
  EXPECT_NO_THROW(json::parse("[1, 2]", 3));
  EXPECT_NO_THROW(json::parse("{\"a\": [], \"b\": {}}", 3));
  auto too_large = [](std::string_view text, std::size_t max) {
    return error_of([&] { json::parse(text, max); }, ErrorCode::too_large);
  };
  EXPECT_EQ(too_large("[1, 2]", 2), "JSON text has more than 2 values");
  EXPECT_EQ(too_large("{\"a\": [], \"b\": {}}", 2), "JSON text has more than 2 values");
  EXPECT_EQ(too_large("0", 0), "JSON text has more than 0 values");
  // Malformed text before the bound is reached is reported as such.
  EXPECT_EQ(json_error("[1, x, 3]"), "malformed JSON at byte 4: unexpected character");
  EXPECT_EQ(error_of([] { json::parse("[1, x, 3]", 3); }), "malformed JSON at byte 4: unexpected character");
}

TEST(Json, AppendNumberShortestRoundTrip) {
  auto num = [](double v) {
    std::string s;
    json::append_number(s, v);
    return s;
  };
  EXPECT_EQ(num(4), "4");
  EXPECT_EQ(num(0.25), "0.25");
  EXPECT_EQ(num(0.1), "0.1");
  EXPECT_EQ(num(1e-7), "1e-07");
  EXPECT_EQ(num(1e308), "1e+308");
  EXPECT_EQ(num(-0.0), "0");
  EXPECT_EQ(num(2.0 / 3.0), "0.6666666666666666");
  std::string s;
  EXPECT_EQ(error_of([&] { json::append_number(s, std::numeric_limits<double>::infinity()); }, ErrorCode::internal),
            "non-finite number in JSON output");
}

TEST(Json, AppendStringEscapes) {
  std::string s;
  json::append_string(s, std::string("a\"b\\c\n\r\t\b\f\x01\x1F\xC3\xA9/", 15));
  EXPECT_EQ(s, "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\xC3\xA9/\"");
}

// --------------------------------------------------------------- JSON profile

TEST(JsonProfile, ParsesTheDocumentedShape) {
  Profile p = profile_from_json(R"({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})");
  EXPECT_EQ(p, make({{"python", 4, 0}, {"finance", 1, 3}}));
}

TEST(JsonProfile, MissingOrNullFieldsCountAsZero) {
  Profile p = profile_from_json(R"({"a": {}, "b": {"level": null, "want": 2}, "c": {"level": 3, "want": null}})");
  EXPECT_EQ(p, make({{"a", 0, 0}, {"b", 0, 2}, {"c", 3, 0}}));
  EXPECT_EQ(p.size(), 3u);  // a topic with nothing is still a topic
  EXPECT_EQ(profile_from_json("{}"), Profile());
  EXPECT_EQ(profile_from_json(" \n{ }\t"), Profile());
}

TEST(JsonProfile, DuplicateTopicsMergeMaxLevelAndMaxWant) {
  Profile p = profile_from_json(R"({"Python": {"level": 2, "want": 5}, " python ": {"level": 4, "want": 1}})");
  EXPECT_EQ(p, make({{"python", 4, 5}}));
  // A field given twice: the last one wins (debatable, kept).
  EXPECT_EQ(profile_from_json(R"({"a": {"level": 4, "level": 1}})"), make({{"a", 1, 0}}));
}

TEST(JsonProfile, PrintsInByteOrderWantOnlyWhenPositive) {
  Profile p = make({{"python", 4, 0}, {"finance", 1, 3}, {"AI tools", 0.5, 0.25}, {"\xC3\xA9tude", 2, 1e-7}});
  EXPECT_EQ(profile_to_json(p.view()),
            "{\"ai tools\":{\"level\":0.5,\"want\":0.25},\"finance\":{\"level\":1,\"want\":3},"
            "\"python\":{\"level\":4},\"\xC3\xA9tude\":{\"level\":2,\"want\":1e-07}}");
  EXPECT_EQ(profile_to_json(Profile().view()), "{}");
}

TEST(JsonProfile, RoundTrip) {
  std::vector<Profile> ps = {
      Profile(),
      make({{"python", 4, 0}}),
      make({{"finance", 1, 3}, {"python", 4, 0}, {"strategy", 2.125, 0.1}}),
      make({{"tab\there", 5, 1e-300}, {"quote\"and\\slash", 0, 1e300}, {"ctl\x01", 3, 2}, {"\xF0\x9F\x90\x8D", 1, 1}}),
  };
  for (const Profile& p : ps) {
    std::string text = profile_to_json(p.view());
    Profile back = profile_from_json(text);
    EXPECT_EQ(back, p) << text;
    EXPECT_EQ(profile_to_json(back.view()), text);
  }
}

TEST(JsonProfile, ValueCountIsLimited) {
  // Whatever the size of the text, the parse tree holds at most the
  // 1 + 3 * kMaxTopics values a profile of kMaxTopics topics needs (about
  // 100 bytes each): {"a": [0, ..., 0]} with n zeros has n + 2 values.
  auto zeros = [](std::size_t n) {
    std::string s = "{\"a\": [";
    s.reserve(s.size() + 2 * n + 2);
    for (std::size_t i = 0; i < n; ++i) s += i ? ",0" : "0";
    return s + "]}";
  };
  const std::size_t max_values = 1 + 3 * kMaxTopics;
  EXPECT_EQ(profile_error(zeros(max_values - 2)),
            "topic 'a' must map to an object like {\"level\": 3, \"want\": 1}, not an array");
  EXPECT_EQ(error_of([&] { profile_from_json(zeros(max_values - 1)); }, ErrorCode::too_large),
            "JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have");
}

TEST(JsonProfile, ErrorMessages) {
  EXPECT_EQ(profile_error("[]"), "a JSON profile must be an object of topics, not an array");
  EXPECT_EQ(profile_error("null"), "a JSON profile must be an object of topics, not null");
  EXPECT_EQ(profile_error("\"python\""), "a JSON profile must be an object of topics, not a string");
  EXPECT_EQ(profile_error(R"({"python": 4})"),
            "topic 'python' must map to an object like {\"level\": 3, \"want\": 1}, not a number");
  EXPECT_EQ(profile_error(R"({"python": [4]})"),
            "topic 'python' must map to an object like {\"level\": 3, \"want\": 1}, not an array");
  EXPECT_EQ(profile_error(R"({"python": {"level": "4"}})"), "level for topic 'python' must be a number, not a string");
  EXPECT_EQ(profile_error(R"({"python": {"want": true}})"), "want for topic 'python' must be a number, not a boolean");
  EXPECT_EQ(profile_error(R"({"python": {"lvl": 4}})"),
            "topic 'python' has unknown field 'lvl' (expected \"level\" and \"want\")");
  EXPECT_EQ(profile_error(R"({"python": {"level": 7}})"), "level 7 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(profile_error(R"({" Python ": {"level": -0.5}})"), "level -0.5 for topic 'python' is outside [0, 5]");
  EXPECT_EQ(profile_error(R"({"python": {"level": 1, "want": -1}})"), "want -1 for topic 'python' is negative");
  EXPECT_EQ(profile_error(R"({"": {"level": 1}})"), "topic name is empty");
  EXPECT_EQ(profile_error(R"({"a\u0000b": {"level": 1}})"), "topic name 'a?b' contains a NUL byte");
  // Messages that quote the topic as written show a NUL as '?' (SQLite would cut the message there).
  EXPECT_EQ(profile_error(R"({"a\u0000b": {"level": "x"}})"), "level for topic 'a?b' must be a number, not a string");
  EXPECT_EQ(profile_error(R"({"a": {"want": 1e308}, "b": {"want": 1e308}})"), "wants add up to more than a double holds");
  EXPECT_EQ(profile_error(R"({"python": {"level": 1e999}})"), "malformed JSON at byte 21: number out of range");
  // Debatable, kept: a number that underflows to 0 is also "out of range".
  EXPECT_EQ(profile_error(R"({"python": {"want": 1e-400}})"), "malformed JSON at byte 20: number out of range");
  EXPECT_EQ(profile_error(R"({"python": {"level": NaN}})"), "malformed JSON at byte 21: unexpected character");
}

}  // namespace
}  // namespace rcp::test
