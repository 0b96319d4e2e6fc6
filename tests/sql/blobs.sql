-- Malformed profile BLOBs, hand-made from the documented v1 layout, through
-- every function that takes a profile. The valid profile {"a": level 5, want 1}:
--   52637050 0100 0000 01000000 01000000   "RcpP", version 1, flags 0, n 1, names_len 1
--   0000000000000061                       key: "a" big-endian in the top byte, as a little-endian u64
--   0000000000001440                       level 5.0 (f64)
--   000000000000F03F                       want 1.0 (f64)
--   01000000                               name end 1
--   61                                     "a"

CREATE TABLE b(name TEXT PRIMARY KEY, blob BLOB);
INSERT INTO b VALUES
  ('good',        x'5263705001000000010000000100000000000000000000610000000000001440000000000000F03F0100000061'),
  ('short',       x'52637050010000'),
  ('magic',       x'5263705101000000010000000100000000000000000000610000000000001440000000000000F03F0100000061'),
  ('version0',    x'5263705000000000010000000100000000000000000000610000000000001440000000000000F03F0100000061'),
  ('flags',       x'5263705001000200010000000100000000000000000000610000000000001440000000000000F03F0100000061'),
  ('n2',          x'5263705001000000020000000100000000000000000000610000000000001440000000000000F03F0100000061'),
  ('trailing',    x'5263705001000000010000000100000000000000000000610000000000001440000000000000F03F010000006100'),
  ('truncated',   x'5263705001000000010000000100000000000000000000610000000000001440000000000000F03F01000000'),
  ('level7',      x'5263705001000000010000000100000000000000000000610000000000001C40000000000000F03F0100000061'),
  ('levelnan',    x'526370500100000001000000010000000000000000000061000000000000F87F000000000000F03F0100000061'),
  ('levelneg',    x'526370500100000001000000010000000000000000000061000000000000F0BF000000000000F03F0100000061'),
  ('wantneg',     x'5263705001000000010000000100000000000000000000610000000000001440000000000000F0BF0100000061'),
  ('wantinf',     x'5263705001000000010000000100000000000000000000610000000000001440000000000000F07F0100000061'),
  ('upper',       x'5263705001000000010000000100000000000000000000410000000000001440000000000000F03F0100000041'),
  ('space',       x'5263705001000000010000000100000000000000000000200000000000001440000000000000F03F0100000020'),
  ('badutf8',     x'5263705001000000010000000100000000000000000000FF0000000000001440000000000000F03F01000000FF'),
  ('wrongkey',    x'5263705001000000010000000100000000000000000000620000000000001440000000000000F03F0100000061'),
  ('badend',      x'5263705001000000010000000100000000000000000000610000000000001440000000000000F03F0200000061'),
  -- two topics "b", "a": unsorted
  ('unsorted',    x'5263705001000000020000000200000000000000000000620000000000000061000000000000F03F000000000000F03F0000000000000000000000000000000001000000020000006261'),
  -- two topics "a", "a": duplicate
  ('duplicate',   x'5263705001000000020000000200000000000000000000610000000000000061000000000000F03F000000000000F03F0000000000000000000000000000000001000000020000006161'),
  -- the same two topics in order "a", "b": valid
  ('sorted',      x'5263705001000000020000000200000000000000000000610000000000000062000000000000F03F000000000000F03F0000000000000000000000000000000001000000020000006162');

SELECT name, reciprocity_profile_to_json(blob) FROM b WHERE name IN ('good', 'sorted') ORDER BY name;
-- => good|{"a":{"level":5,"want":1}}
-- => sorted|{"a":{"level":1},"b":{"level":1}}
-- The hand-made BLOB is exactly what the aggregate writes.
SELECT blob = reciprocity_profile('a', 5, 1) FROM b WHERE name = 'good';
-- => 1

SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'short';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 7 bytes, a profile has at least 16
SELECT reciprocity_score(blob, blob) FROM b WHERE name = 'magic';
-- !! reciprocity_score: argument 1 is not a reciprocity profile: bad magic bytes
SELECT reciprocity_score(g.blob, x.blob) FROM b g, b x WHERE g.name = 'good' AND x.name = 'version0';
-- !! reciprocity_score: argument 2 is not a reciprocity profile: unsupported format version 0 (this build reads version 1)
SELECT reciprocity_benefit(blob, NULL) FROM b WHERE name = 'flags';
-- !! reciprocity_benefit: argument 1 is not a reciprocity profile: unknown flags 2
SELECT reciprocity_explain(blob, blob) FROM b WHERE name = 'n2';
-- !! reciprocity_explain: argument 1 is not a reciprocity profile: truncated: 45 bytes, the header says 73
SELECT reciprocity_score(blob, blob, 'min') FROM b WHERE name = 'trailing';
-- !! reciprocity_score: argument 1 is not a reciprocity profile: wrong length: 46 bytes, the header says 45
SELECT reciprocity_score(blob, blob) FROM b WHERE name = 'truncated';
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 44 bytes, the header says 45
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'level7';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: level 7 for topic 'a' is outside [0, 5]
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'levelnan';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: level NaN for topic 'a' is outside [0, 5]
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'levelneg';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: level -1 for topic 'a' is outside [0, 5]
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'wantneg';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: want -1 for topic 'a' is not a finite number >= 0
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'wantinf';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: want Infinity for topic 'a' is not a finite number >= 0
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'upper';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it has upper-case letters
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'space';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it has surrounding white space
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'badutf8';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 is not canonical: it is not valid UTF-8
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'wrongkey';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: topic 0 has a wrong sort key
SELECT reciprocity_profile_to_json(blob) FROM b WHERE name = 'badend';
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad name offsets at topic 0
SELECT reciprocity_explain(g.blob, x.blob) FROM b g, b x WHERE g.name = 'good' AND x.name = 'unsorted';
-- !! reciprocity_explain: argument 2 is not a reciprocity profile: topics are not sorted and unique at topic 1
SELECT reciprocity_benefit(g.blob, x.blob) FROM b g, b x WHERE g.name = 'good' AND x.name = 'duplicate';
-- !! reciprocity_benefit: argument 2 is not a reciprocity profile: topics are not sorted and unique at topic 1
-- Prefixes of the good BLOB are rejected as truncated (the core tests try every length).
CREATE TABLE prefixes AS
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 44)
  SELECT i, substr((SELECT blob FROM b WHERE name = 'good'), 1, i) AS blob FROM n;
SELECT count(*), min(length(blob)), max(length(blob)) FROM prefixes;
-- => 45|0|44
SELECT typeof(blob) FROM prefixes WHERE i = 0;
-- => blob
SELECT reciprocity_score(blob, NULL) FROM prefixes WHERE i = 0;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
SELECT reciprocity_score(NULL, blob) FROM prefixes WHERE i = 1;
-- !! reciprocity_score: argument 2 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16
SELECT reciprocity_score(blob, NULL) FROM prefixes WHERE i = 15;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 15 bytes, a profile has at least 16
SELECT reciprocity_score(blob, NULL) FROM prefixes WHERE i = 16;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 16 bytes, the header says 45
SELECT reciprocity_score(blob, NULL) FROM prefixes WHERE i = 44;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 44 bytes, the header says 45
