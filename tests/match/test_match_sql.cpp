// reciprocity_match and reciprocity_match_audit through the loadable
// extension: rows on a hand-made cohort for every objective, capacities,
// pinned pairs, the audit, exact error messages and the DIRECTONLY
// protection.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "../sql_rows.hpp"

namespace {

class MatchSql : public rcp::test::ExtensionDb {
 protected:
  void SetUp() override {
    ExtensionDb::SetUp();
    if (HasFatalFailure()) return;
    // Six people. By total: (1,2) (3,4) (5,6) = 1.9. Fair (3 pairs, the
    // weakest as strong as possible): (1,5) (3,6) (2,4), weakest 0.2. By own
    // gains 1 and 5 prefer each other, 3 and 4 too: stable (1,5) (3,4).
    exec(R"(
      CREATE TABLE cands(a INTEGER, b INTEGER, score REAL, a_gain REAL, b_gain REAL);
      INSERT INTO cands VALUES
        (1, 2, 0.9, 0.2, 0.9),
        (3, 4, 0.9, 0.9, 0.9),
        (5, 6, 0.1, 0.1, 0.1),
        (5, 1, 0.4, 0.8, 0.8),
        (3, 6, 0.4, 0.3, 0.3),
        (2, 4, 0.2, 0.5, 0.5);
      CREATE TABLE mentors(id INTEGER PRIMARY KEY, capacity INTEGER);
      INSERT INTO mentors VALUES (1, 2), (3, 1);
      CREATE TABLE pinned(a INTEGER, b INTEGER);
      INSERT INTO pinned VALUES (5, 1), (NULL, 2);
    )");
  }
};

using V = std::vector<std::string>;

TEST_F(MatchSql, EveryObjective) {
  EXPECT_EQ(rows("SELECT * FROM reciprocity_match('cands')"), (V{"1|2|0.9", "3|4|0.9", "5|6|0.1"}));
  EXPECT_EQ(rows(R"(SELECT a, b, score FROM reciprocity_match('cands', '{"objective": "total"}'))"),
            (V{"1|2|0.9", "3|4|0.9", "5|6|0.1"}));
  EXPECT_EQ(rows(R"(SELECT a, b, score FROM reciprocity_match('cands', '{"objective": "fair"}'))"),
            (V{"1|5|0.4", "2|4|0.2", "3|6|0.4"}));
  EXPECT_EQ(rows(R"(SELECT a, b, score FROM reciprocity_match('cands', '{"objective": "stable"}'))"),
            (V{"1|5|0.4", "3|4|0.9"}));
  // Without gains the score ranks both sides (best-pair-first is stable).
  EXPECT_EQ(rows(R"(SELECT a, b FROM reciprocity_match('SELECT a, b, score FROM cands', '{"objective": "stable"}'))"),
            (V{"1|2", "3|4", "5|6"}));
  // Options NULL = defaults; arguments as ordinary constraints.
  EXPECT_EQ(rows("SELECT count(*) FROM reciprocity_match('cands', NULL)"), V{"3"});
  EXPECT_EQ(rows("SELECT b FROM reciprocity_match WHERE source = 'main.cands' AND a = 3"), V{"4"});
  // OR terms on the output columns (SQLite plans them with part of the WHERE).
  EXPECT_EQ(rows("SELECT a, b FROM reciprocity_match('cands') WHERE a = 3 OR b = 6"), (V{"3|4", "5|6"}));
  EXPECT_EQ(rows("SELECT pairs FROM reciprocity_match_audit('cands') WHERE pairs = 3 OR stable = 1"), V{"3"});
}

TEST_F(MatchSql, ConstraintsAreWhereClauses) {
  // Exclude 1-2 (say, same reporting line): the rest re-optimises
  // ((1,5) + (3,4) = 1.3 beats (1,5) + (3,6) + (2,4) = 1.0).
  EXPECT_EQ(rows("SELECT a, b FROM reciprocity_match('SELECT * FROM cands WHERE NOT (a = 1 AND b = 2)')"),
            (V{"1|5", "3|4"}));
  // Positional columns: three or five unnamed columns.
  EXPECT_EQ(rows("SELECT a, b FROM reciprocity_match('VALUES (10, 20, 0.5), (20, 30, 0.7)')"), V{"20|30"});
  EXPECT_EQ(rows(R"(SELECT a, b FROM reciprocity_match('SELECT a, b, score, a_gain, b_gain FROM cands',
                      '{"objective": "stable"}'))"),
            (V{"1|5", "3|4"}));
}

TEST_F(MatchSql, CapacitiesAndPinned) {
  EXPECT_EQ(rows(R"(SELECT a, b, score FROM reciprocity_match(
                      'SELECT * FROM cands WHERE (a IN (SELECT id FROM mentors)) + (b IN (SELECT id FROM mentors)) = 1',
                      '{"mentors": "mentors"}'))"),
            (V{"1|2|0.9", "1|5|0.4", "3|4|0.9"}));
  EXPECT_EQ(rows(R"(SELECT a, b FROM reciprocity_match(
                      'SELECT * FROM cands WHERE (a IN (SELECT id FROM mentors)) + (b IN (SELECT id FROM mentors)) = 1',
                      '{"mentors": "SELECT id, 1 AS capacity FROM mentors"}'))"),
            (V{"1|2", "3|4"}));
  // Pinned (5, 1) stays; the rest is optimised around it. NULL rows skipped.
  EXPECT_EQ(rows(R"(SELECT a, b, score FROM reciprocity_match('cands', '{"pinned": "pinned"}'))"),
            (V{"1|5|0.4", "3|4|0.9"}));
  EXPECT_EQ(rows(R"(SELECT a, b FROM reciprocity_match('cands', '{"pinned": "SELECT 6 AS b, 3 AS a", "objective": "fair"}'))"),
            (V{"1|5", "2|4", "3|6"}));
  EXPECT_EQ(rows(R"(SELECT a, b FROM reciprocity_match('cands', '{"pinned": "SELECT 2, 4", "objective": "total"}'))"),
            (V{"1|5", "2|4", "3|6"}));
}

TEST_F(MatchSql, Audit) {
  const std::string cols =
      "SELECT people, pairs, total, weakest_score, worst_off, worst_off_score, unmatched, blocking_pairs, blocking, "
      "stable, explanation FROM ";
  EXPECT_EQ(rows(cols + "reciprocity_match_audit('cands')"),
            V{"6|3|1.9|0.1|5|0.1|0|1|[[1,5]]|0|not stable: 1 blocking pair; the first is (1, 5) (both would rather "
              "be together than with their partners)"});
  EXPECT_EQ(rows(cols + R"(reciprocity_match_audit('cands', '{"objective": "stable"}'))"),
            V{"6|2|1.3|0.4|2|0.0|2|0|[]|1|NULL"});
  EXPECT_EQ(rows(cols + R"(reciprocity_match_audit('cands', '{"objective": "fair"}'))"),
            V{"6|3|1.0|0.2|2|0.2|0|1|[[3,4]]|0|not stable: 1 blocking pair; the first is (3, 4) (both would "
              "rather be together than with their partners)"});
  // Any matching, e.g. one kept from an earlier run.
  exec("CREATE TEMP TABLE chosen AS SELECT a, b FROM reciprocity_match('cands', '{\"objective\": \"stable\"}')");
  EXPECT_EQ(rows("SELECT pairs, blocking_pairs, stable FROM reciprocity_match_audit('cands', NULL, 'temp.chosen')"),
            V{"2|0|1"});
  EXPECT_EQ(rows("SELECT pairs, total, blocking FROM reciprocity_match_audit('cands', NULL, 'SELECT 2 AS b, 1 AS a')"),
            V{"1|0.9|[[1,5],[3,4],[3,6],[5,6]]"});
  EXPECT_EQ(rows("SELECT pairs, unmatched, worst_off, worst_off_score FROM reciprocity_match_audit('cands', NULL, "
                 "'SELECT 1 AS a, 2 AS b WHERE 0')"),
            V{"0|6|1|0.0"});
  EXPECT_EQ(rows("SELECT json_array_length(blocking) FROM reciprocity_match_audit('cands', NULL, 'SELECT 1, 2')"),
            V{"4"});
  // Capacities: the blocking rule counts free places (mentor 1 has one left).
  EXPECT_EQ(rows(cols + R"(reciprocity_match_audit(
                   'SELECT * FROM cands WHERE (a IN (SELECT id FROM mentors)) + (b IN (SELECT id FROM mentors)) = 1',
                   '{"mentors": "mentors"}', 'VALUES (1, 2)'))"),
            V{"6|1|0.9|0.9|3|0.0|4|3|[[1,5],[3,4],[3,6]]|0|not stable: 3 blocking pairs; the first is (1, 5) (both would "
              "rather be together than with their partners)"});
  // No people at all.
  EXPECT_EQ(rows(cols + "reciprocity_match_audit('SELECT * FROM cands WHERE 0')"), V{"0|0|0.0|0.0|NULL|NULL|0|0|[]|1|NULL"});
}

TEST_F(MatchSql, ErrorMessages) {
  const std::string m = "error: reciprocity_match: ";
  EXPECT_EQ(error("SELECT * FROM reciprocity_match"), m + "needs a source, as in reciprocity_match('candidates')");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match(NULL)"),
            m + "source must be a table or view name or a SELECT, as text, not NULL");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('nobody')"),
            m + "source: no table or view named 'nobody' (no such table: nobody)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands; DROP TABLE cands')"),
            m + "source must be the name of a table or view, or a SELECT statement; got 'cands; DROP TABLE cands'");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('SELECT * FROM cands; DELETE FROM cands')"),
            m + "source must be a single statement");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('WITH x AS (SELECT 1) DELETE FROM cands RETURNING a, b, score')"),
            m + "source must be a read-only SELECT");
  EXPECT_EQ(rows("SELECT count(*) FROM cands"), V{"6"});
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('SELECT a, b FROM cands')"),
            m + "source must have columns a, b and score, and optionally a_gain and b_gain (it has no column score)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('SELECT a, b, score, a_gain FROM cands')"),
            m + "source has a column a_gain but no column b_gain (give both gains or neither)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('SELECT 1 AS a, 1 AS b, 0.5 AS score')"),
            m + "candidate pair (1, 1) is a self-pair");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5), (2, 1, 0.25)')"),
            m + "candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)");
  EXPECT_EQ(rows("SELECT a, b, score FROM reciprocity_match('VALUES (1, 2, 0.5), (2, 1, 0.5)')"), V{"1|2|0.5"});
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, 2, -1)')"),
            m + "candidate pair (1, 2) has score -1; scores must be finite numbers >= 0");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, 2, 9e999)')"),
            m + "candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('SELECT a, b, score, -a_gain AS a_gain, b_gain FROM cands')"),
            m + "candidate pair (1, 2) has a_gain -0.2; gains must be finite numbers >= 0");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, 2, NULL)')"), m + "source: pair (1, 2) has a NULL score");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, 2, ''high'')')"),
            m + "source: score of pair (1, 2) must be a number, not text");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (''x'', 2, 0.5)')"),
            m + "source a must be an integer, not text");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('VALUES (1, NULL, 0.5)')"), m + "source has a NULL b");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"objective\": \"best\"}')"),
            m + "unknown objective 'best' (valid objectives: total, fair, stable)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"objective\": 1}')"),
            m + "option 'objective' must be a string, not a number (valid objectives: total, fair, stable)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"objective\": \"fair\", \"objective\": \"fair\"}')"),
            m + "option 'objective' is given twice");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentor\": \"mentors\"}')"),
            m + "unknown option 'mentor' (valid options: mentors, objective, pinned)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": 3}')"),
            m + "option 'mentors' must be a table or view name or a SELECT, as a string, not a number");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '[]')"), m + "options must be a JSON object, not an array");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', 7)"),
            m + "options must be a JSON object as text, not an integer");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"SELECT 1 AS id, 1 AS capacity WHERE 0\"}')"),
            m + "mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the "
                "mentees, everyone else)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"SELECT 1 AS id, 1.5 AS capacity\"}')"),
            m + "mentors capacity must be an integer, not a real");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"SELECT 1 AS id\"}')"),
            m + "mentors must have columns id and capacity (it has no column capacity)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"VALUES (1, 0)\"}')"),
            m + "mentor 1 has capacity 0; capacities must be integers >= 1");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"mentors\"}')"),
            m + "candidate pair (2, 4) has no mentor (with mentors given, every pair joins a mentor and a mentee)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"VALUES (1, 1), (2, 1)\"}')"),
            m + "candidate pair (1, 2) joins two mentors (with mentors given, every pair joins a mentor and a mentee)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"mentors\": \"mentors\", \"objective\": \"stable\"}')"),
            m + "objective 'stable' does not take mentors (capacities are solved for the largest total: use objective "
                "'total')");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"pinned\": \"SELECT 1 AS a, 4 AS b\"}')"),
            m + "pinned pair (1, 4) is not a candidate pair");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"pinned\": \"VALUES (1, 2), (5, 1)\"}')"),
            m + "person 1 is pinned twice: (1, 2) and (1, 5)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"pinned\": \"SELECT a FROM cands\"}')"),
            m + "pinned must have columns a and b (it has no column b)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match('cands', '{\"pinned\": \"pinned; DROP TABLE cands\"}')"),
            m + "pinned must be the name of a table or view, or a SELECT statement; got 'pinned; DROP TABLE cands'");

  const std::string a = "error: reciprocity_match_audit: ";
  EXPECT_EQ(error("SELECT * FROM reciprocity_match_audit"),
            a + "needs a source, as in reciprocity_match_audit('candidates')");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match_audit('cands', NULL, 'VALUES (1, 3)')"),
            a + "matching pair (1, 3) is not a candidate pair");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match_audit('cands', NULL, 'VALUES (1, 2), (2, 4)')"),
            a + "person 2 is in two pairs of the matching: (1, 2) and (2, 4)");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match_audit('cands', NULL, 5)"),
            a + "matching must be a table or view name or a SELECT, as text, not an integer");
  EXPECT_EQ(error("SELECT * FROM reciprocity_match_audit('cands', '{\"objective\": \"x\"}', 'VALUES (1, 2)')"),
            a + "unknown objective 'x' (valid objectives: total, fair, stable)");
}

TEST_F(MatchSql, DirectOnly) {
  EXPECT_EQ(rows("SELECT count(*) FROM reciprocity_match('cands')"), V{"3"});
  exec("CREATE VIEW v AS SELECT * FROM reciprocity_match('cands')");
  EXPECT_EQ(error("SELECT * FROM v"), "error: unsafe use of virtual table \"reciprocity_match\"");
  exec("CREATE VIEW w AS SELECT * FROM reciprocity_match_audit('cands')");
  EXPECT_EQ(error("SELECT * FROM w"), "error: unsafe use of virtual table \"reciprocity_match_audit\"");
  exec("CREATE TABLE log(n); CREATE TRIGGER t AFTER INSERT ON log BEGIN "
       "SELECT count(*) FROM reciprocity_match('cands'); END;");
  EXPECT_EQ(error("INSERT INTO log VALUES (1)"), "error: unsafe use of virtual table \"reciprocity_match\"");
}

}  // namespace
