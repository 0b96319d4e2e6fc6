-- reciprocity_profile (aggregate), reciprocity_profile_json, reciprocity_profile_to_json.

CREATE TABLE skills(emp INTEGER, skill TEXT, proficiency, priority);
INSERT INTO skills VALUES
  (1, 'Python', 4, NULL),
  (1, 'finance', 1, 3),
  (1, ' FINANCE ', 2, 1),      -- same topic: max level 2, max want 3
  (2, 'finance', 5, NULL),
  (2, 'python', NULL, 2),      -- NULL level counts as 0
  (3, NULL, 1, 1),             -- a NULL topic row is skipped (LEFT JOIN of someone with no skills)
  (4, 'ai tools', '3', '2.5'); -- numbers given as text are read as numbers

-- The aggregate builds one BLOB per group; to_json shows it (topics in byte order).
SELECT emp, reciprocity_profile_to_json(reciprocity_profile(skill, proficiency, priority))
FROM skills GROUP BY emp ORDER BY emp;
-- => 1|{"finance":{"level":2,"want":3},"python":{"level":4}}
-- => 2|{"finance":{"level":5},"python":{"level":0,"want":2}}
-- => 3|{}
-- => 4|{"ai tools":{"level":3,"want":2.5}}

-- The BLOB layout (little-endian): "RcpP" | version 1 | flags 0 | n 1 | names_len 1 |
-- key "a\0\0\0\0\0\0\0" as u64 | level 5.0 | want 1.0 | name end 1 | "a".
SELECT hex(reciprocity_profile('a', 5, 1));
-- => 5263705001000000010000000100000000000000000000610000000000001440000000000000F03F0100000061
SELECT typeof(reciprocity_profile('a', 5, 1)), length(reciprocity_profile('a', 5, 1));
-- => blob|45

-- No rows at all: the empty profile (16 bytes), like count() gives 0.
SELECT hex(reciprocity_profile(skill, proficiency, priority)) FROM skills WHERE 0;
-- => 52637050010000000000000000000000
-- Only NULL topics: also the empty profile.
SELECT reciprocity_profile_to_json(reciprocity_profile(NULL, 1, 1));
-- => {}
-- An integer topic is read as text.
SELECT reciprocity_profile_to_json(reciprocity_profile(42, 1, 0));
-- => {"42":{"level":1}}
-- Levels are kept as given (any real in [0, 5]), wants too.
SELECT reciprocity_profile_to_json(reciprocity_profile('x', 2.75, 0.125));
-- => {"x":{"level":2.75,"want":0.125}}
SELECT reciprocity_profile_to_json(reciprocity_profile(t, l, w))
FROM (SELECT 'x' AS t, 0 AS l, 0 AS w UNION ALL SELECT 'y', 5, 1e300);
-- => {"x":{"level":0},"y":{"level":5,"want":1e+300}}

-- Errors of the aggregate.
SELECT reciprocity_profile('python', 7, 0);
-- !! reciprocity_profile: level 7 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile(' Python ', -1, 0);
-- !! reciprocity_profile: level -1 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', 5.5, 0);
-- !! reciprocity_profile: level 5.5 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile('python', 1, -0.5);
-- !! reciprocity_profile: want -0.5 for topic 'python' is negative
SELECT reciprocity_profile('python', 9e999, 0);
-- !! reciprocity_profile: level Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', 1, 9e999);
-- !! reciprocity_profile: want Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('python', 1, -9e999);
-- !! reciprocity_profile: want -Infinity for topic 'python' is not a finite number
SELECT reciprocity_profile('Python', 'four', 0);
-- !! reciprocity_profile: level for topic 'python' must be a number, not text
SELECT reciprocity_profile('python', 1, x'01');
-- !! reciprocity_profile: want for topic 'python' must be a number, not a blob
SELECT reciprocity_profile(1.5, 1, 0);
-- !! reciprocity_profile: topic must be text, not a real
SELECT reciprocity_profile(x'41', 1, 0);
-- !! reciprocity_profile: topic must be text, not a blob
SELECT reciprocity_profile('', 1, 0);
-- !! reciprocity_profile: topic name is empty
SELECT reciprocity_profile('   ', 1, 0);
-- !! reciprocity_profile: topic name is empty
SELECT reciprocity_profile('a' || char(0) || 'b', 1, 0);
-- !! reciprocity_profile: topic name 'a?b' contains a NUL byte
SELECT reciprocity_profile(CAST(x'FF' AS TEXT), 1, 0);
-- !! reciprocity_profile: topic name is not valid UTF-8
SELECT reciprocity_profile(CAST(x'FF' AS TEXT), 'x', 0);
-- !! reciprocity_profile: topic name is not valid UTF-8
SELECT reciprocity_profile(printf('%.1025c', 'a'), 1, 0);
-- !! reciprocity_profile: topic name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' is longer than 1024 bytes (1025)
SELECT length(reciprocity_profile(printf('%.1024c', 'a'), 1, 0));
-- => 1068
-- A long non-ASCII name is cut on a character boundary in messages (30 x 'é' = 60 bytes).
SELECT reciprocity_profile(replace(printf('%.40c', '_'), '_', 'é'), 7, 0);
-- !! reciprocity_profile: level 7 for topic 'éééééééééééééééééééééééééééééé...' is outside [0, 5]
SELECT reciprocity_profile(replace(printf('%.40c', '_'), '_', 'é'), 'x', 0);
-- !! reciprocity_profile: level for topic 'éééééééééééééééééééééééééééééé...' must be a number, not text
-- The first bad row stops the aggregate.
SELECT reciprocity_profile(skill, proficiency, priority)
FROM (SELECT 'a' AS skill, 1 AS proficiency, 1 AS priority UNION ALL SELECT 'b', 6, 0);
-- !! reciprocity_profile: level 6 for topic 'b' is outside [0, 5]
-- The wants must add up to a finite number.
SELECT reciprocity_profile(t, 1, 1e308) FROM (SELECT 'a' AS t UNION ALL SELECT 'b');
-- !! reciprocity_profile: wants add up to more than a double holds

-- reciprocity_profile_json: the hand-typed form.
SELECT reciprocity_profile_to_json(reciprocity_profile_json('{"python": {"level": 4}, "finance": {"level": 1, "want": 3}}'));
-- => {"finance":{"level":1,"want":3},"python":{"level":4}}
SELECT reciprocity_profile_json('{"python": {"level": 4}, "Finance ": {"level": 1, "want": 3}}')
     = reciprocity_profile(t, l, w)
FROM (SELECT 'python' AS t, 4 AS l, 0 AS w UNION ALL SELECT 'finance', 1, 3);
-- => 1
-- Missing and null fields count as 0; duplicates merge to the max level and want.
SELECT reciprocity_profile_to_json(reciprocity_profile_json('{"a": {}, "b": {"level": null, "want": 2}, "B": {"level": 3, "want": 1}}'));
-- => {"a":{"level":0},"b":{"level":3,"want":2}}
SELECT reciprocity_profile_to_json(reciprocity_profile_json('{}'));
-- => {}
SELECT reciprocity_profile_json(NULL);
-- => NULL
SELECT reciprocity_profile_to_json(NULL);
-- => NULL
-- Round trip: to_json then back gives the same BLOB.
SELECT reciprocity_profile_json(reciprocity_profile_to_json(p)) = p
FROM (SELECT reciprocity_profile(skill, proficiency, priority) AS p FROM skills GROUP BY emp);
-- => 1
-- => 1
-- => 1
-- => 1
-- The JSON text carries the JSON subtype: json1 embeds it as an object, not a string.
SELECT json_object('p', reciprocity_profile_to_json(reciprocity_profile_json('{"x": {"level": 1}}')));
-- => {"p":{"x":{"level":1}}}
SELECT json_extract(reciprocity_profile_to_json(reciprocity_profile('x', 2, 1)), '$.x.want');
-- => 1

-- Errors of reciprocity_profile_json.
SELECT reciprocity_profile_json(42);
-- !! reciprocity_profile_json: argument 1 must be JSON text, not an integer
SELECT reciprocity_profile_json(x'7B7D');
-- !! reciprocity_profile_json: argument 1 must be JSON text, not a blob
SELECT reciprocity_profile_json('');
-- !! reciprocity_profile_json: malformed JSON at byte 0: unexpected end of text
SELECT reciprocity_profile_json('{"python": {"level": 4}');
-- !! reciprocity_profile_json: malformed JSON at byte 23: expected ',' or '}'
SELECT reciprocity_profile_json('{"python": {"level": 4,}}');
-- !! reciprocity_profile_json: malformed JSON at byte 23: expected a string key
SELECT reciprocity_profile_json('{python: 4}');
-- !! reciprocity_profile_json: malformed JSON at byte 1: expected a string key
SELECT reciprocity_profile_json('{"python": {"level": NaN}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: unexpected character
SELECT reciprocity_profile_json('{"python": {"level": 1e999}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: number out of range
SELECT reciprocity_profile_json('{} {}');
-- !! reciprocity_profile_json: malformed JSON at byte 3: unexpected text after the JSON value
SELECT reciprocity_profile_json('[]');
-- !! reciprocity_profile_json: a JSON profile must be an object of topics, not an array
SELECT reciprocity_profile_json('{"python": 4}');
-- !! reciprocity_profile_json: topic 'python' must map to an object like {"level": 3, "want": 1}, not a number
SELECT reciprocity_profile_json('{"python": {"level": "4"}}');
-- !! reciprocity_profile_json: level for topic 'python' must be a number, not a string
SELECT reciprocity_profile_json('{"python": {"want": [1]}}');
-- !! reciprocity_profile_json: want for topic 'python' must be a number, not an array
SELECT reciprocity_profile_json('{"python": {"level": 4, "wants": 1}}');
-- !! reciprocity_profile_json: topic 'python' has unknown field 'wants' (expected "level" and "want")
SELECT reciprocity_profile_json('{"python": {"level": 7}}');
-- !! reciprocity_profile_json: level 7 for topic 'python' is outside [0, 5]
SELECT reciprocity_profile_json('{"python": {"level": 1, "want": -2}}');
-- !! reciprocity_profile_json: want -2 for topic 'python' is negative
SELECT reciprocity_profile_json('{" ": {"level": 1}}');
-- !! reciprocity_profile_json: topic name is empty
SELECT reciprocity_profile_json('{"a\u0000b": {"level": 1}}');
-- !! reciprocity_profile_json: topic name 'a?b' contains a NUL byte
SELECT reciprocity_profile_json('{"a": {"want": 1e308}, "b": {"want": 1e308}}');
-- !! reciprocity_profile_json: wants add up to more than a double holds

-- Errors of reciprocity_profile_to_json: its argument must be a profile BLOB.
SELECT reciprocity_profile_to_json('{"x": {"level": 1}}');
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile_to_json(1);
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile_to_json(x'');
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
SELECT reciprocity_profile_to_json(zeroblob(16));
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad magic bytes
