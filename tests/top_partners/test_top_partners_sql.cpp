// reciprocity_top_partners through the loadable extension: rows, options,
// error messages and the DIRECTONLY protection.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "../sql_rows.hpp"

namespace {

class Sql : public rcp::test::ExtensionDb {
 protected:
  void SetUp() override {
    ExtensionDb::SetUp();
    if (HasFatalFailure()) return;
    exec(R"(
      CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);
      INSERT INTO people VALUES
        (1, reciprocity_profile_json('{"python": {"level": 5}, "finance": {"level": 0, "want": 1}}')),
        (2, reciprocity_profile_json('{"python": {"level": 1, "want": 1}, "finance": {"level": 4}}')),
        (3, reciprocity_profile_json('{"python": {"level": 0, "want": 2}, "finance": {"level": 5}, "sql": {"level": 3}}')),
        (4, reciprocity_profile_json('{"sql": {"level": 0, "want": 1}, "python": {"level": 4}}')),
        (5, reciprocity_profile_json('{"cooking": {"level": 2}}'));
      CREATE TABLE reporting(a INTEGER, b INTEGER);
      INSERT INTO reporting VALUES (1, 3), (NULL, 2);
    )");
  }
};

using V = std::vector<std::string>;

TEST_F(Sql, RowsOfAHandMadeOrganisation) {
  // 1 teaches python, wants finance; 3 is the mirror image at full strength.
  EXPECT_EQ(rows("SELECT id, partner, rank FROM reciprocity_top_partners('people', 2)"),
            (V{"1|3|1", "1|2|2", "2|1|1", "3|1|1", "3|4|2", "4|3|1"}));
  EXPECT_EQ(rows("SELECT id, partner, score FROM reciprocity_top_partners('people', 1) WHERE id IN (1, 3)"),
            (V{"1|3|1.0", "3|1|1.0"}));
  // Every score is reciprocity_score on the pair.
  EXPECT_EQ(rows(R"(SELECT count(*) FROM reciprocity_top_partners('people', 10, '{"mode": "geometric"}') t
                    JOIN people a ON a.id = t.id JOIN people b ON b.id = t.partner
                    WHERE t.score <> reciprocity_score(a.profile, b.profile, 'geometric'))"),
            V{"0"});
  EXPECT_EQ(rows("SELECT count(*) FROM reciprocity_top_partners('people', 10)"), V{"6"});
}

TEST_F(Sql, SourceAsSelectAndExclusions) {
  EXPECT_EQ(rows("SELECT id, partner FROM reciprocity_top_partners('SELECT id, profile FROM people WHERE id <= 3', 5)"),
            (V{"1|3", "1|2", "2|1", "3|1"}));
  // Positional columns when the SELECT has exactly two.
  EXPECT_EQ(rows("SELECT id, partner FROM reciprocity_top_partners('SELECT id + 100, profile FROM people WHERE id <= 2', 5)"),
            (V{"101|102", "102|101"}));
  // Manager pairs (NULLs skipped) in either direction.
  EXPECT_EQ(rows(R"(SELECT id, partner FROM reciprocity_top_partners('people', 5, '{"exclude": "reporting"}'))"),
            (V{"1|2", "2|1", "3|4", "4|3"}));
  EXPECT_EQ(rows(R"(SELECT id, partner FROM reciprocity_top_partners('people', 5,
                      '{"exclude": "SELECT 3 AS b, 1 AS a", "mode": "min", "threads": 1}'))"),
            (V{"1|2", "2|1", "3|4", "4|3"}));
  // OR in WHERE: SQLite plans each OR branch with only some of the terms.
  EXPECT_EQ(rows("SELECT id, partner FROM reciprocity_top_partners('people', 1) WHERE id = 1 OR partner = 1"),
            (V{"1|3", "2|1", "3|1"}));
  // Arguments as ordinary constraints, and joins back to the source.
  EXPECT_EQ(rows("SELECT partner FROM reciprocity_top_partners WHERE source = 'main.people' AND k = 1 AND id = 4"),
            V{"3"});
}

TEST_F(Sql, ErrorMessages) {
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 0)"),
            "error: reciprocity_top_partners: k must be a positive integer");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 2.5)"),
            "error: reciprocity_top_partners: k must be a positive integer");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', NULL)"),
            "error: reciprocity_top_partners: k must be a positive integer");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners"),
            "error: reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('nobody', 3)"),
            "error: reciprocity_top_partners: source: no table or view named 'nobody' (no such table: nobody)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people; DROP TABLE people', 3)"),
            "error: reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; "
            "got 'people; DROP TABLE people'");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('\"people\"', 3)"),
            "error: reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; "
            "got '\"people\"'");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people; DELETE FROM people', 3)"),
            "error: reciprocity_top_partners: source must be a single statement");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('WITH x AS (SELECT 1) DELETE FROM people RETURNING id, profile', 3)"),
            "error: reciprocity_top_partners: source must be a read-only SELECT");
  EXPECT_EQ(rows("SELECT count(*) FROM people"), V{"5"});
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT id, 1 AS x, 2 AS y FROM people', 3)"),
            "error: reciprocity_top_partners: source must have columns id and profile (it has no column profile)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT NULL AS id, profile FROM people', 3)"),
            "error: reciprocity_top_partners: source has a NULL id");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT ''x'' AS id, profile FROM people', 3)"),
            "error: reciprocity_top_partners: source id must be an integer, not text");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT id % 2 AS id, profile FROM people', 3)"),
            "error: reciprocity_top_partners: duplicate id 0");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT 9 AS id, ''python'' AS profile', 3)"),
            "error: reciprocity_top_partners: profile of id 9 is not a reciprocity profile (it is text; make one "
            "with reciprocity_profile or reciprocity_profile_json)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('SELECT 9 AS id, x''00'' AS profile', 3)"),
            "error: reciprocity_top_partners: profile of id 9 is not a reciprocity profile: truncated: 1 bytes, a "
            "profile has at least 16");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"mode\": \"best\"}')"),
            "error: reciprocity_top_partners: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"exclud\": \"x\"}')"),
            "error: reciprocity_top_partners: unknown option 'exclud' (valid options: exclude, mode, threads)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"mode\": 1')"),
            "error: reciprocity_top_partners: options: malformed JSON at byte 10: expected ',' or '}'");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '[]')"),
            "error: reciprocity_top_partners: options must be a JSON object, not an array");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"threads\": -1}')"),
            "error: reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"exclude\": \"SELECT 1 AS a\"}')"),
            "error: reciprocity_top_partners: exclude must have columns a and b (it has no column b)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_top_partners('people', 3, '{\"exclude\": \"SELECT 1.5, 2\"}')"),
            "error: reciprocity_top_partners: exclude a must be an integer, not a real");
}

TEST_F(Sql, DirectOnly) {
  // Direct use works; a view (or trigger) in the schema may not run it.
  EXPECT_EQ(rows("SELECT count(*) FROM reciprocity_top_partners('people', 1)"), V{"4"});
  exec("CREATE VIEW v AS SELECT * FROM reciprocity_top_partners('people', 2)");
  EXPECT_EQ(error("SELECT * FROM v"), "error: unsafe use of virtual table \"reciprocity_top_partners\"");
  exec("CREATE TABLE log(n); CREATE TRIGGER t AFTER INSERT ON log BEGIN "
       "SELECT count(*) FROM reciprocity_top_partners('people', 2); END;");
  EXPECT_EQ(error("INSERT INTO log VALUES (1)"), "error: unsafe use of virtual table \"reciprocity_top_partners\"");
}

}  // namespace
