-- The sample HR schema: the plain tables an HR system already has.
-- reciprocity reads skills and learning goals from here; nothing in it is
-- specific to reciprocity (profiles are built from it by a query, see
-- sql/examples.sql).
--
-- Grades (employees.grade), one ladder for the whole company:
--   1 associate   2 professional   3 senior   4 lead / principal   (individual contributors)
--   5 manager     6 director       7 vice president   8 chief executive
--
-- Skill levels and priorities use the common 5-point scales:
--   employee_skills.proficiency  1 = beginner ... 5 = expert
--   learning_goals.priority      1 = nice to have ... 5 = top priority
-- Skill names compare case-insensitively ("SQL" = "sql"), as reciprocity does.

PRAGMA foreign_keys = ON;

CREATE TABLE departments (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE employees (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  title         TEXT NOT NULL,
  grade         INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 8),
  department_id INTEGER NOT NULL REFERENCES departments(id),
  manager_id    INTEGER REFERENCES employees(id) ON DELETE SET NULL,
  hire_date     TEXT NOT NULL CHECK (hire_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE INDEX employees_department ON employees(department_id);
CREATE INDEX employees_manager ON employees(manager_id);
CREATE INDEX employees_grade ON employees(grade);

CREATE TABLE employee_skills (
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  skill       TEXT NOT NULL COLLATE NOCASE,
  proficiency INTEGER NOT NULL CHECK (proficiency BETWEEN 1 AND 5),
  PRIMARY KEY (employee_id, skill)
) WITHOUT ROWID;
-- "Who knows X?"
CREATE INDEX employee_skills_skill ON employee_skills(skill, proficiency);

CREATE TABLE learning_goals (
  employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
  skill       TEXT NOT NULL COLLATE NOCASE,
  priority    INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  PRIMARY KEY (employee_id, skill)
) WITHOUT ROWID;
-- "Who wants to learn X?"
CREATE INDEX learning_goals_skill ON learning_goals(skill, priority);
