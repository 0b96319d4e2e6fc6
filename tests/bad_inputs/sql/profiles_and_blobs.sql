-- Bad-input catalogue, SQL face (issue 7): making profiles and reading them back.
-- reciprocity_profile (aggregate) and reciprocity_profile_json: wrong types,
-- NULLs, empty strings, topic names with NUL bytes, invalid UTF-8, white space
-- only, over 1024 bytes; levels and wants that are text, blobs, +-Inf, NULL
-- ("NaN" in SQL is NULL), negative or out of range; malformed and non-strict
-- JSON. Then profile BLOBs corrupted from a valid one with substr() and byte
-- splicing (truncated, extended, bad header fields, NaN/Inf/-0 levels and
-- wants, bad names, unsorted topics, bad name offsets), through every function
-- that reads a profile, and through reciprocity_top_partners.
-- Sizes (10^6 topics, deep nesting, 100 MB of JSON) are in sizes.sql.

-- ======================================================= reciprocity_profile
SELECT reciprocity_profile('a', 1);
-- !! wrong number of arguments to function reciprocity_profile()
SELECT reciprocity_profile('a', 1, 1, 1);
-- !! wrong number of arguments to function reciprocity_profile()

-- Topic: text (an integer reads as its text); REAL and BLOB are errors.
SELECT reciprocity_profile(1.5, 1, 1);
-- !! reciprocity_profile: topic must be text, not a real
SELECT reciprocity_profile(9e999, 1, 1);
-- !! reciprocity_profile: topic must be text, not a real
SELECT reciprocity_profile(x'61', 1, 1);
-- !! reciprocity_profile: topic must be text, not a blob
SELECT reciprocity_profile(x'', 1, 1);
-- !! reciprocity_profile: topic must be text, not a blob
SELECT reciprocity_profile_to_json(reciprocity_profile(42, 1, 1));
-- => {"42":{"level":1,"want":1}}
SELECT reciprocity_profile('', 1, 1);
-- !! reciprocity_profile: topic name is empty
SELECT reciprocity_profile(' ' || char(9) || char(10) || char(13), 1, 1);
-- !! reciprocity_profile: topic name is empty
SELECT reciprocity_profile(char(0), 1, 1);
-- !! reciprocity_profile: topic name '?' contains a NUL byte
SELECT reciprocity_profile('a' || char(0) || 'b', 1, 1);
-- !! reciprocity_profile: topic name 'a?b' contains a NUL byte
SELECT reciprocity_profile(' Python' || char(0), 1, 1);
-- !! reciprocity_profile: topic name 'python?' contains a NUL byte
SELECT reciprocity_profile(CAST(x'ff' AS TEXT), 1, 1);
-- !! reciprocity_profile: topic name is not valid UTF-8
SELECT reciprocity_profile(CAST(x'61c3' AS TEXT), 1, 1);
-- !! reciprocity_profile: topic name is not valid UTF-8
-- An encoded UTF-16 surrogate (ED A0 80) and an overlong '/' (C0 AF) are not UTF-8.
SELECT reciprocity_profile(CAST(x'eda080' AS TEXT), 1, 1);
-- !! reciprocity_profile: topic name is not valid UTF-8
SELECT reciprocity_profile(CAST(x'c0af' AS TEXT), 1, 1);
-- !! reciprocity_profile: topic name is not valid UTF-8
-- 1024 bytes is the limit, after trimming; the message cuts the name at 61 bytes, never inside a character.
SELECT length(reciprocity_profile('  ' || printf('%.*c', 1024, 'X') || '  ', 1, 1));
-- => 1068
SELECT reciprocity_profile(printf('%.*c', 1025, 'x'), 1, 1);
-- !! reciprocity_profile: topic name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than 1024 bytes (1025)
SELECT reciprocity_profile(printf('%.*c', 60, 'x') || 'éé' || printf('%.*c', 1000, 'y'), 1, 1);
-- !! reciprocity_profile: topic name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than 1024 bytes (1064)
SELECT reciprocity_profile(printf('%.*c', 1000000, 'x'), 1, 1);
-- !! reciprocity_profile: topic name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than 1024 bytes (1000000)

-- Level and want: numbers (numeric text too); anything else is an error.
SELECT reciprocity_profile('python', 'expert', 1);
-- !! reciprocity_profile: level for topic 'python' must be a number, not text
SELECT reciprocity_profile('python', '', 1);
-- !! reciprocity_profile: level for topic 'python' must be a number, not text
SELECT reciprocity_profile('python', '3abc', 1);
-- !! reciprocity_profile: level for topic 'python' must be a number, not text
SELECT reciprocity_profile('python', x'03', 1);
-- !! reciprocity_profile: level for topic 'python' must be a number, not a blob
SELECT reciprocity_profile('python', 1, 'lots');
-- !! reciprocity_profile: want for topic 'python' must be a number, not text
SELECT reciprocity_profile('python', 1, x'');
-- !! reciprocity_profile: want for topic 'python' must be a number, not a blob
SELECT reciprocity_profile_to_json(reciprocity_profile('python', ' 3 ', '2.5'));
-- => {"python":{"level":3,"want":2.5}}
SELECT reciprocity_profile('python', 9e999, 1);
-- !! reciprocity_profile: level Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', -9e999, 1);
-- !! reciprocity_profile: level -Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', 1, 9e999);
-- !! reciprocity_profile: want Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', 1, -9e999);
-- !! reciprocity_profile: want -Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', '1e999', 1);
-- !! reciprocity_profile: level Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', 7, 0);
-- !! reciprocity_profile: level 7 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', 5.000000000000001, 0);
-- !! reciprocity_profile: level 5.000000000000001 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', -0.0000001, 0);
-- !! reciprocity_profile: level -1e-07 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', -9223372036854775808, 0);
-- !! reciprocity_profile: level -9223372036854775808 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', 1, -1);
-- !! reciprocity_profile: want -1 for topic 'python' is negative
SELECT reciprocity_profile('python', 1, -1e-300);
-- !! reciprocity_profile: want -1e-300 for topic 'python' is negative
-- Two wants that are each finite but overflow when added.
SELECT reciprocity_profile(t, 1, 1.7e308) FROM (SELECT 'a' AS t UNION ALL SELECT 'b');
-- !! reciprocity_profile: wants add up to more than a double holds
-- The first bad row stops the query, whatever comes after it.
SELECT reciprocity_profile(column1, column2, column3) FROM (VALUES ('a', 1, 5), ('b', 7, 2), ('c', 'x', 1));
-- !! reciprocity_profile: level 7 for topic 'b' is outside [0, 5]

-- NULLs: a NULL topic row is skipped; a NULL level or want is 0 (so is NaN, which SQL holds as NULL);
-- -0 is stored as +0; no rows at all give the empty profile, not NULL.
SELECT reciprocity_profile_to_json(reciprocity_profile(column1, column2, column3))
FROM (VALUES (NULL, 'junk', x'00'), ('python', NULL, 2), ('sql', 9e999 - 9e999, NULL), ('r', -0.0, -0.0));
-- => {"python":{"level":0,"want":2},"r":{"level":0},"sql":{"level":0}}
SELECT hex(reciprocity_profile(NULL, NULL, NULL)), hex(reciprocity_profile('a', 1, 1)) FROM (SELECT 1 WHERE 0);
-- => 52637050010000000000000000000000|52637050010000000000000000000000
-- A topic twice (after trimming and lower-casing): the larger level and the larger want, each on its own.
SELECT reciprocity_profile_to_json(reciprocity_profile(column1, column2, column3)) FROM (VALUES ('Go', 1, 5), (' go ', 4, 2), ('GO', NULL, NULL));
-- => {"go":{"level":4,"want":5}}

-- =================================================== reciprocity_profile_json
SELECT reciprocity_profile_json();
-- !! wrong number of arguments to function reciprocity_profile_json()
SELECT reciprocity_profile_json('{}', '{}');
-- !! wrong number of arguments to function reciprocity_profile_json()
SELECT reciprocity_profile_json(1);
-- !! reciprocity_profile_json: argument 1 must be JSON text, not an integer
SELECT reciprocity_profile_json(9e999);
-- !! reciprocity_profile_json: argument 1 must be JSON text, not a real
SELECT reciprocity_profile_json(x'7b7d');
-- !! reciprocity_profile_json: argument 1 must be JSON text, not a blob
SELECT reciprocity_profile_json(NULL);
-- => NULL
SELECT reciprocity_profile_json('');
-- !! reciprocity_profile_json: malformed JSON at byte 0: unexpected end of text
SELECT reciprocity_profile_json('   ');
-- !! reciprocity_profile_json: malformed JSON at byte 3: unexpected end of text
SELECT reciprocity_profile_json('null');
-- !! reciprocity_profile_json: a JSON profile must be an object of topics, not null
SELECT reciprocity_profile_json('[{"python": {"level": 1}}]');
-- !! reciprocity_profile_json: a JSON profile must be an object of topics, not an array
SELECT reciprocity_profile_json('"python"');
-- !! reciprocity_profile_json: a JSON profile must be an object of topics, not a string
SELECT reciprocity_profile_json('4');
-- !! reciprocity_profile_json: a JSON profile must be an object of topics, not a number
SELECT reciprocity_profile_json('{"python": 4}');
-- !! reciprocity_profile_json: topic 'python' must map to an object like {"level": 3, "want": 1}, not a number
SELECT reciprocity_profile_json('{"python": {"level": "4"}}');
-- !! reciprocity_profile_json: level for topic 'python' must be a number, not a string
SELECT reciprocity_profile_json('{"python": {"want": true}}');
-- !! reciprocity_profile_json: want for topic 'python' must be a number, not a boolean
SELECT reciprocity_profile_json('{"python": {"level": [4]}}');
-- !! reciprocity_profile_json: level for topic 'python' must be a number, not an array
SELECT reciprocity_profile_json('{"python": {"lvl": 4}}');
-- !! reciprocity_profile_json: topic 'python' has unknown field 'lvl' (expected "level" and "want")
-- Strict JSON: no NaN, Infinity, hex, leading zeros or '+', no trailing commas, no comments.
SELECT reciprocity_profile_json('{"python": {"level": NaN}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: unexpected character
SELECT reciprocity_profile_json('{"python": {"level": -Infinity}}');
-- !! reciprocity_profile_json: malformed JSON at byte 22: invalid number
SELECT reciprocity_profile_json('{"python": {"level": 0x4}}');
-- !! reciprocity_profile_json: malformed JSON at byte 22: expected ',' or '}'
SELECT reciprocity_profile_json('{"python": {"level": +4}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: unexpected character
SELECT reciprocity_profile_json('{"python": {"level": 4},}');
-- !! reciprocity_profile_json: malformed JSON at byte 24: expected a string key
SELECT reciprocity_profile_json('{"python": {"level": 4}} /* me */');
-- !! reciprocity_profile_json: malformed JSON at byte 25: unexpected text after the JSON value
-- Numbers a double cannot hold (also an underflow to 0) are out of range, not Infinity or 0.
SELECT reciprocity_profile_json('{"python": {"level": 1e999}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: number out of range
SELECT reciprocity_profile_json('{"python": {"want": -1e999}}');
-- !! reciprocity_profile_json: malformed JSON at byte 20: number out of range
SELECT reciprocity_profile_json('{"python": {"want": 1e-400}}');
-- !! reciprocity_profile_json: malformed JSON at byte 20: number out of range
SELECT reciprocity_profile_json('{"python": {"level": 7}}');
-- !! reciprocity_profile_json: level 7 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile_json('{"python": {"level": -0.5}}');
-- !! reciprocity_profile_json: level -0.5 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile_json('{"python": {"want": -2}}');
-- !! reciprocity_profile_json: want -2 for topic 'python' is negative
SELECT reciprocity_profile_json('{"a": {"want": 1e308}, "b": {"want": 1e308}}');
-- !! reciprocity_profile_json: wants add up to more than a double holds
-- Topic names: empty, white space only, NUL (escaped), lone surrogates, raw invalid UTF-8, control characters.
SELECT reciprocity_profile_json('{"": {"level": 1}}');
-- !! reciprocity_profile_json: topic name is empty
SELECT reciprocity_profile_json('{" \t ": {"level": 1}}');
-- !! reciprocity_profile_json: topic name is empty
SELECT reciprocity_profile_json('{"py\u0000thon": {"level": 1}}');
-- !! reciprocity_profile_json: topic name 'py?thon' contains a NUL byte
SELECT reciprocity_profile_json('{"\ud800": {"level": 1}}');
-- !! reciprocity_profile_json: malformed JSON at byte 8: lone surrogate in \u escape
SELECT reciprocity_profile_json('{"\u12": {"level": 1}}');
-- !! reciprocity_profile_json: malformed JSON at byte 6: invalid \u escape
SELECT reciprocity_profile_json('{"' || CAST(x'ff' AS TEXT) || '": {"level": 1}}');
-- !! reciprocity_profile_json: malformed JSON at byte 2: invalid UTF-8
SELECT reciprocity_profile_json('{"a' || CAST(x'c3' AS TEXT) || '": {"level": 1}}');
-- !! reciprocity_profile_json: malformed JSON at byte 3: invalid UTF-8
SELECT reciprocity_profile_json('{"py' || char(10) || 'thon": {"level": 1}}');
-- !! reciprocity_profile_json: malformed JSON at byte 4: control character in string
-- A NUL byte after the JSON is text after the JSON, not its end.
SELECT reciprocity_profile_json('{"python": {"level": 1}}' || char(0) || '{"x": 1}');
-- !! reciprocity_profile_json: malformed JSON at byte 24: unexpected text after the JSON value
SELECT reciprocity_profile_json('{"python": {"level": 1}' || CAST(x'ff' AS TEXT) || '}');
-- !! reciprocity_profile_json: malformed JSON at byte 23: expected ',' or '}'
SELECT reciprocity_profile_json('{"' || printf('%.*c', 1025, 'x') || '": {}}');
-- !! reciprocity_profile_json: topic name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than 1024 bytes (1025)
-- Duplicates: a field twice in one topic, the last counts; a topic twice, the larger of each.
SELECT reciprocity_profile_to_json(reciprocity_profile_json('{"Go": {"level": 4, "level": 1, "want": null}, " go ": {"want": 2}}'));
-- => {"go":{"level":1,"want":2}}

-- =============================================== corrupted profile BLOBs
-- v holds a valid profile of two topics, 74 bytes:
--   bytes  1..16 header: "RcpP", version 1, flags 0, n = 2, names_len = 2
--   bytes 17..32 keys, 33..48 levels (a: 5, b: 1), 49..64 wants (a: 1, b: 0)
--   bytes 65..72 name ends (1, 2), 73..74 names "ab"
-- (x || y is TEXT in SQLite, so spliced bytes are CAST back to a BLOB.)
CREATE TABLE v AS SELECT reciprocity_profile_json('{"a": {"level": 5, "want": 1}, "b": {"level": 1}}') AS p;
SELECT hex(p), length(p), reciprocity_profile_to_json(p) FROM v;
-- => 52637050010000000200000002000000000000000000006100000000000000620000000000001440000000000000F03F000000000000F03F000000000000000001000000020000006162|74|{"a":{"level":5,"want":1},"b":{"level":1}}
SELECT reciprocity_profile_to_json(substr(p, 1, 73)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 73 bytes, the header says 74
SELECT reciprocity_profile_to_json(substr(p, 1, 16)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 16 bytes, the header says 74
SELECT reciprocity_profile_to_json(substr(p, 1, 15)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 15 bytes, a profile has at least 16
SELECT reciprocity_profile_to_json(CAST(p || x'00' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: wrong length: 75 bytes, the header says 74
-- The same bytes as TEXT are not a profile; CAST back to a BLOB they are.
SELECT reciprocity_profile_to_json(CAST(CAST(p AS TEXT) AS BLOB)) FROM v;
-- => {"a":{"level":5,"want":1},"b":{"level":1}}
SELECT reciprocity_profile_to_json(CAST(x'00' || substr(p, 2) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad magic bytes
SELECT reciprocity_profile_to_json(CAST('rcpP' || substr(p, 5) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad magic bytes
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 4) || x'0200' || substr(p, 7) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: unsupported format version 2 (this build reads version 1)
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 4) || x'0000' || substr(p, 7) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: unsupported format version 0 (this build reads version 1)
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 6) || x'0100' || substr(p, 9) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: unknown flags 1
-- Topic counts: over the limit, huge, and too small for the bytes.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 8) || x'01001000' || substr(p, 13) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic count 1048577 is over the limit of 1048576
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 8) || x'FFFFFFFF' || substr(p, 13) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic count 4294967295 is over the limit of 1048576
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 8) || x'01000000' || substr(p, 13) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: wrong length: 74 bytes, the header says 46
-- A names_len of 2^32 - 1: no read past the 74 bytes.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 12) || x'FFFFFFFF' || substr(p, 17) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 74 bytes, the header says 4294967367
-- Levels: NaN, +Inf, -Inf, just over 5, and -0 (zero is stored as +0).
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 32) || x'000000000000F87F' || substr(p, 41) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: level NaN for topic 'a' is outside [0, 5]
SELECT reciprocity_score(CAST(substr(p, 1, 32) || x'000000000000F07F' || substr(p, 41) AS BLOB), p) FROM v;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: level Infinity for topic 'a' is outside [0, 5]
SELECT reciprocity_benefit(p, CAST(substr(p, 1, 40) || x'000000000000F0FF' || substr(p, 49) AS BLOB)) FROM v;
-- !! reciprocity_benefit: argument 2 is not a reciprocity profile: level -Infinity for topic 'b' is outside [0, 5]
SELECT reciprocity_explain(CAST(substr(p, 1, 32) || x'0100000000001440' || substr(p, 41) AS BLOB), p) FROM v;
-- !! reciprocity_explain: argument 1 is not a reciprocity profile: level 5.000000000000001 for topic 'a' is outside [0, 5]
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 32) || x'0000000000000080' || substr(p, 41) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: level for topic 'a' is -0 (zero is stored as +0)
-- Wants: negative, NaN, +Inf, and two finite ones whose sum overflows.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 48) || x'000000000000F0BF' || substr(p, 57) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: want -1 for topic 'a' is not a finite number >= 0
SELECT reciprocity_score(p, CAST(substr(p, 1, 48) || x'000000000000F87F' || substr(p, 57) AS BLOB)) FROM v;
-- !! reciprocity_score: argument 2 is not a reciprocity profile: want NaN for topic 'a' is not a finite number >= 0
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 56) || x'000000000000F07F' || substr(p, 65) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: want Infinity for topic 'b' is not a finite number >= 0
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 48) || x'FFFFFFFFFFFFEF7F' || x'FFFFFFFFFFFFEF7F' || substr(p, 65) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: wants add up to more than a double holds
-- Names: upper case, white space, NUL, invalid UTF-8, a name that does not match its key.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 72) || 'Ab' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it has upper-case letters
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 72) || ' b' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it has surrounding white space
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 72) || x'00' || 'b' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it contains a NUL byte
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 72) || x'FF' || 'b' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it is not valid UTF-8
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 72) || 'ba' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 has a wrong sort key
-- Topics out of order (keys and names swapped) and a topic twice.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 16) || substr(p, 25, 8) || substr(p, 17, 8) || substr(p, 33, 40) || 'ba' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topics are not sorted and unique at topic 1
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 16) || substr(p, 17, 8) || substr(p, 17, 8) || substr(p, 33, 40) || 'aa' AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topics are not sorted and unique at topic 1
-- Name ends: an empty name, an end past the names, an end far out of range.
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 64) || x'0000000002000000' || substr(p, 73) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad name offsets at topic 0
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 64) || x'0100000003000000' || substr(p, 73) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad name offsets at topic 1
SELECT reciprocity_profile_to_json(CAST(substr(p, 1, 64) || x'01000000FFFFFFFF' || substr(p, 73) AS BLOB)) FROM v;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad name offsets at topic 1
-- In a source of reciprocity_top_partners, a corrupted profile names its id.
SELECT count(*) FROM reciprocity_top_partners('SELECT 1 AS id, p AS profile FROM v UNION ALL SELECT 9, substr(p, 1, 73) FROM v', 1);
-- !! reciprocity_top_partners: profile of id 9 is not a reciprocity profile: truncated: 73 bytes, the header says 74
SELECT count(*) FROM reciprocity_top_partners('SELECT 1 AS id, CAST(substr(p, 1, 32) || x''000000000000F87F'' || substr(p, 41) AS BLOB) AS profile FROM v', 1);
-- !! reciprocity_top_partners: profile of id 1 is not a reciprocity profile: level NaN for topic 'a' is outside [0, 5]
-- The valid profile still reads after all that (nothing was cached from the bad ones).
SELECT reciprocity_score(p, p), reciprocity_profile_to_json(p) FROM v;
-- => 0.0|{"a":{"level":5,"want":1},"b":{"level":1}}
