#!/usr/bin/python3
"""Generate the sample HR database of reciprocity: a company of 2,000 people.

Usage:  /usr/bin/python3 sql/generate_sample_hr.py [--force] OUT.db

Writes the schema of sql/schema.sql and deterministic data (fixed seed, Python
standard library only): twelve departments, a reporting line CEO -> VPs ->
directors -> managers -> individual contributors, grades and hire dates, 8-25
skills per person and 2-7 learning goals.

The data is built so that two-way ("reverse") mentoring exists, as it does in
real companies: seniors are strong in business topics (finance, strategy,
negotiation, stakeholder management, ...) and juniors in newer ones (AI tools,
social media, TikTok, dbt, SQL, no-code automation, ...), each department has
its own skills, and people want to learn what they lack, with noise (some
executives are tech-savvy, some juniors already have business training).

OUT.db is never overwritten silently: if it exists, pass --force. The database
is built next to OUT.db under a temporary name and then renamed over it, so a
reader never sees a half-written file. The same command always writes the same
content (compare `sqlite3 OUT.db .dump`).
"""

import datetime
import os
import random
import sqlite3
import sys
import tempfile

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "schema.sql")

# The "today" of the sample company, and the day it was founded.
AS_OF = datetime.date(2025, 6, 30)
FOUNDED = datetime.date(2008, 3, 3)

# ---------------------------------------------------------------------------
# Skills. "Business" topics grow with seniority, "new" topics with affinity
# for new technology (which, in this sample as in most companies, runs the
# other way). Names are as an HR skills catalogue spells them.

BUSINESS = [
    "Finance", "Strategy", "Negotiation", "Stakeholder management", "Budgeting",
    "Leadership", "Public speaking", "People management", "P&L management",
    "Change management", "Executive communication", "Mergers & acquisitions",
    "Risk management", "Hiring & interviewing", "Coaching", "Business writing",
    "Corporate governance", "Conflict resolution", "Pricing", "Board reporting",
]

# Business topics that only people close to the top tend to set goals for.
EXECUTIVE_ONLY = {"P&L management", "Mergers & acquisitions", "Corporate governance", "Board reporting"}

NEW = [
    "AI tools", "Prompt engineering", "Generative AI", "Social media", "TikTok",
    "Instagram", "Short-form video", "Python", "SQL", "dbt", "No-code automation",
    "Data visualization", "Figma", "Notion", "LinkedIn personal branding",
    "Remote collaboration tools", "Creator partnerships",
]

COMMON = [
    "Project management", "Excel", "Presentation skills", "Time management",
    "Written communication", "Agile methods", "Customer focus",
    "Cross-functional collaboration",
]

# Departments: name, headcount (with its head), titles by grade 1..7, and its
# own skills as (classic: grow with seniority, new: grow with tech affinity).
DEPARTMENTS = [
    ("Engineering", 520,
     ["Associate Software Engineer", "Software Engineer", "Senior Software Engineer", "Staff Engineer",
      "Engineering Manager", "Director of Engineering", "Chief Technology Officer"],
     ["System design", "Software architecture", "Code review", "Java", "C++", "Incident management",
      "Security engineering"],
     ["Kubernetes", "Rust", "TypeScript", "Cloud infrastructure", "CI/CD", "GitHub Copilot"]),
    ("Sales", 315,
     ["Sales Development Rep", "Account Executive", "Senior Account Executive", "Principal Account Executive",
      "Sales Manager", "Director of Sales", "Chief Revenue Officer"],
     ["Prospecting", "Account management", "Closing deals", "Pipeline management", "Sales forecasting",
      "Enterprise selling", "Key account planning"],
     ["Social selling", "Salesforce CRM", "Sales automation", "Video prospecting"]),
    ("Operations", 220,
     ["Operations Associate", "Operations Analyst", "Senior Operations Analyst", "Operations Lead",
      "Operations Manager", "Director of Operations", "Chief Operating Officer"],
     ["Supply chain", "Logistics", "Lean six sigma", "Procurement", "Vendor management",
      "Process improvement", "Health & safety"],
     ["Process mining", "RPA", "IoT monitoring", "ERP systems"]),
    ("Customer Success", 200,
     ["Customer Support Associate", "Customer Success Specialist", "Senior Customer Success Specialist",
      "Customer Success Lead", "Customer Success Team Manager", "Director of Customer Success",
      "VP Customer Success"],
     ["Customer onboarding", "Retention", "Escalation handling", "Renewals", "Customer advocacy"],
     ["Zendesk", "Chatbots", "Churn analytics", "Community forums"]),
    ("Marketing", 150,
     ["Marketing Associate", "Marketing Specialist", "Senior Marketing Specialist", "Lead Marketing Strategist",
      "Marketing Manager", "Director of Marketing", "Chief Marketing Officer"],
     ["Brand strategy", "Campaign management", "Copywriting", "Market research", "Event marketing",
      "PR & media relations"],
     ["SEO", "Influencer marketing", "Marketing analytics", "Content marketing", "Community management",
      "Growth hacking"]),
    ("Data", 130,
     ["Junior Data Analyst", "Data Analyst", "Senior Data Scientist", "Staff Data Scientist",
      "Data Science Manager", "Director of Data", "VP Data"],
     ["Statistics", "Data governance", "Data warehousing", "Experimentation", "Forecasting models"],
     ["Machine learning", "Spark", "Looker", "MLOps", "LLM applications", "Data engineering"]),
    ("Finance", 130,
     ["Finance Associate", "Financial Analyst", "Senior Financial Analyst", "Finance Lead",
      "Finance Manager", "Director of Finance", "Chief Financial Officer"],
     ["Accounting", "Financial modelling", "Forecasting", "Tax", "Audit", "Treasury", "IFRS"],
     ["Power BI", "Finance automation", "Financial data analytics"]),
    ("Product", 110,
     ["Associate Product Manager", "Product Manager", "Senior Product Manager", "Principal Product Manager",
      "Group Product Manager", "Director of Product", "Chief Product Officer"],
     ["Roadmapping", "Product strategy", "Prioritization", "Go-to-market"],
     ["User research", "A/B testing", "Product analytics", "Prototyping", "Product-led growth"]),
    ("IT", 90,
     ["IT Support Associate", "Systems Administrator", "Senior Systems Engineer", "IT Architect",
      "IT Manager", "Director of IT", "Chief Information Officer"],
     ["Network administration", "IT service management", "Identity & access management",
      "Endpoint security"],
     ["SaaS administration", "Zero trust", "Cloud cost management", "Automation scripting"]),
    ("HR", 80,
     ["People Associate", "HR Generalist", "Senior HR Business Partner", "Lead HR Business Partner",
      "HR Manager", "Director of People", "Chief People Officer"],
     ["Employment law", "Compensation & benefits", "Employee relations", "Workforce planning",
      "Talent management", "Organizational design"],
     ["People analytics", "HRIS", "Employer branding", "DEI programs", "Digital recruiting"]),
    ("Legal", 50,
     ["Paralegal", "Legal Counsel", "Senior Legal Counsel", "Lead Counsel",
      "Managing Counsel", "Deputy General Counsel", "General Counsel"],
     ["Contract law", "Compliance", "Litigation", "Intellectual property", "Regulatory affairs",
      "Corporate law"],
     ["Data privacy (GDPR)", "Legal tech", "AI regulation", "E-discovery"]),
]
EXECUTIVE = ("Executive Office",
             ["Board relations", "Investor relations", "Crisis communication"], [])
# The Executive Office: the CEO and the people reporting to them directly
# (the department heads report to the CEO too, from their own departments).
EXECUTIVE_STAFF = [(6, "Chief of Staff"), (2, "Executive Assistant"), (2, "Executive Assistant"),
                   (1, "Strategy Associate")]

FIRST_NAMES = [
    "Aisha", "Akira", "Alejandro", "Amara", "Ana", "Andrei", "Anna", "Arjun", "Astrid", "Ayodele",
    "Beatriz", "Ben", "Bilal", "Camille", "Carlos", "Chen", "Chloe", "Daniel", "Dara", "David",
    "Deepa", "Diego", "Elena", "Elif", "Emeka", "Emily", "Emma", "Fatima", "Felix", "Freya",
    "Gabriel", "Grace", "Hana", "Hannah", "Hugo", "Ibrahim", "Ines", "Isabel", "Ivan", "Jack",
    "James", "Jin", "Joao", "Jonas", "Julia", "Kai", "Karim", "Kavya", "Kenji", "Laila",
    "Lars", "Leila", "Leo", "Liam", "Lucia", "Luis", "Maya", "Mei", "Mateo", "Mohammed",
    "Nadia", "Naledi", "Nikhil", "Nina", "Noah", "Olga", "Omar", "Oscar", "Priya", "Rafael",
    "Rahul", "Rosa", "Ruth", "Sakura", "Samuel", "Sara", "Sebastian", "Sofia", "Sven", "Tariq",
    "Thabo", "Tom", "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zara", "Zoe", "Zygmunt",
]
LAST_NAMES = [
    "Abe", "Adeyemi", "Ahmed", "Alvarez", "Andersson", "Bakker", "Banerjee", "Becker", "Bianchi", "Brown",
    "Castro", "Chen", "Clarke", "Costa", "Dubois", "Dunn", "Eriksen", "Fernandes", "Fischer", "Garcia",
    "Gonzalez", "Gupta", "Haddad", "Hansen", "Hoffmann", "Hughes", "Ibrahim", "Ito", "Jansen", "Jones",
    "Kaur", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Mahlangu", "Martin",
    "Mendes", "Moreau", "Muller", "Murphy", "Nakamura", "Nguyen", "Novak", "Nowak", "Obi", "Okafor",
    "Olsen", "Ortiz", "Park", "Patel", "Perez", "Petrov", "Quinn", "Rahman", "Reyes", "Rossi",
    "Santos", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Smith", "Sokolov", "Suzuki", "Tanaka",
    "Taylor", "Tran", "Van Dijk", "Vargas", "Wagner", "Wang", "Williams", "Wong", "Yamamoto", "Zhang",
]

# Seniority in [0, 1] by grade, before per-person noise.
SENIORITY = {1: 0.05, 2: 0.2, 3: 0.38, 4: 0.5, 5: 0.6, 6: 0.75, 7: 0.9, 8: 1.0}
# Years in the company by grade: (min, max).
TENURE = {1: (0.0, 2.5), 2: (0.3, 6.0), 3: (1.0, 10.0), 4: (2.0, 14.0), 5: (1.0, 14.0),
          6: (2.0, 16.0), 7: (1.0, 16.0), 8: (17.0, 17.0)}
IC_GRADES = [1, 2, 3, 4]
IC_GRADE_WEIGHTS = [30, 35, 25, 10]


def clip(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def level(rng, base):
    """A 1..5 proficiency around `base`, with noise."""
    return int(clip(round(base + rng.gauss(0.0, 0.6)), 1, 5))


def weighted_sample(rng, items, weights, k):
    """k distinct items, drawn with probability proportional to weight
    (Efraimidis-Spirakis keys), in draw order. Deterministic for a seeded rng."""
    keyed = []
    for item, w in zip(items, weights):
        u = rng.random()
        keyed.append((u ** (1.0 / w) if w > 0 else 0.0, item))
    keyed.sort(key=lambda t: t[0], reverse=True)
    return [item for _, item in keyed[:k]]


class Person:
    __slots__ = ("key", "name", "title", "grade", "dept", "manager", "hire", "id")

    def __init__(self, key, title, grade, dept, manager):
        self.key = key          # creation order, for stable ties
        self.title = title
        self.grade = grade
        self.dept = dept        # index into the departments list
        self.manager = manager  # Person or None
        self.name = None
        self.hire = None
        self.id = None


def build_org(rng):
    """The reporting line: a list of Person, CEO first."""
    people = []

    def add(title, grade, dept, manager):
        p = Person(len(people), title, grade, dept, manager)
        people.append(p)
        return p

    exec_dept = len(DEPARTMENTS)
    ceo = add("Chief Executive Officer", 8, exec_dept, None)
    for grade, title in EXECUTIVE_STAFF:
        add(title, grade, exec_dept, ceo)

    for d, (_, headcount, titles, _, _) in enumerate(DEPARTMENTS):
        head = add(titles[6], 7, d, ceo)
        n_dir = max(1, round(headcount / 130))
        n_mgr = max(n_dir, round((headcount - 1 - n_dir) / 9))
        n_ic = headcount - 1 - n_dir - n_mgr
        directors = [add(titles[5], 6, d, head) for _ in range(n_dir)]
        managers = [add(titles[4], 5, d, directors[i % n_dir]) for i in range(n_mgr)]
        # Teams of varying size: at least two reports each, the rest by weight.
        team_weight = [rng.uniform(0.5, 1.5) for _ in managers]
        bosses = [m for m in managers for _ in range(2)]
        bosses += rng.choices(managers, weights=team_weight, k=n_ic - len(bosses))
        for boss in bosses:
            grade = rng.choices(IC_GRADES, weights=IC_GRADE_WEIGHTS)[0]
            add(titles[grade - 1], grade, d, boss)
    return people


def name_people(rng, people):
    taken = set()
    for p in people:
        for _ in range(50):
            name = rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_NAMES)
            if name not in taken:
                break
        else:
            name = "%s %s. %s" % (rng.choice(FIRST_NAMES), chr(ord("A") + rng.randrange(26)),
                                  rng.choice(LAST_NAMES))
            while name in taken:
                name += "'"
        taken.add(name)
        p.name = name


def hire_people(rng, people):
    for p in people:
        lo, hi = TENURE[p.grade]
        days = int(rng.uniform(lo, hi) * 365.25)
        p.hire = max(FOUNDED, AS_OF - datetime.timedelta(days=days))
    # Employee numbers are given at hire: ids follow hire dates.
    for i, p in enumerate(sorted(people, key=lambda q: (q.hire, q.key))):
        p.id = i + 1


def skills_and_goals(rng, p):
    """(skills, goals) of one person: lists of (skill, 1..5)."""
    s = clip(SENIORITY[p.grade] + rng.gauss(0.0, 0.07), 0.0, 1.0)
    biz = s
    tech = clip(1.0 - s + rng.gauss(0.0, 0.1), 0.0, 1.0)
    if p.grade >= 5 and rng.random() < 0.08:   # the tech-savvy executive
        tech = clip(tech + 0.45, 0.0, 1.0)
    if p.grade <= 2 and rng.random() < 0.08:   # the junior with an MBA
        biz = clip(biz + 0.35, 0.0, 1.0)
    if p.dept < len(DEPARTMENTS) and DEPARTMENTS[p.dept][0] in ("Engineering", "Data"):
        tech = clip(tech + 0.1, 0.0, 1.0)

    if p.dept < len(DEPARTMENTS):
        own_classic, own_new = DEPARTMENTS[p.dept][3], DEPARTMENTS[p.dept][4]
    else:
        own_classic, own_new = EXECUTIVE[1], EXECUTIVE[2]
    others = [t for d, dep in enumerate(DEPARTMENTS) if d != p.dept for t in dep[3] + dep[4]]

    # Catalogue entries for this person: (topic, sampling weight, proficiency base, goal desire).
    catalogue = []
    for t in BUSINESS:
        desire = 0.2 + 2.5 * (1.0 - biz)
        if t in EXECUTIVE_ONLY and p.grade <= 4:
            desire *= 0.3
        catalogue.append((t, 0.15 + 1.6 * biz, 1.0 + 4.0 * biz, desire))
    for t in NEW:
        catalogue.append((t, 0.15 + 1.6 * tech, 1.0 + 4.0 * tech, 0.2 + 2.5 * (1.0 - tech)))
    for t in COMMON:
        catalogue.append((t, 0.6, 2.0 + 2.0 * s, 0.3))
    for t in own_classic:
        catalogue.append((t, 3.0 * (0.4 + s), 1.3 + 3.7 * s, 1.0 + (1.0 - s)))
    for t in own_new:
        catalogue.append((t, 3.0 * (0.4 + tech), 1.3 + 3.7 * tech, 1.0 + (1.0 - tech)))
    for t in others:
        catalogue.append((t, 0.06, 1.0 + 2.0 * rng.random(), 0.05))

    n_skills = int(clip(round(rng.triangular(8, 25, 13)), 8, 25))
    chosen = weighted_sample(rng, catalogue, [c[1] for c in catalogue], n_skills)
    skills = {t: level(rng, base) for t, _, base, _ in chosen}

    n_goals = rng.choices([2, 3, 4, 5, 6, 7], weights=[2, 4, 4, 3, 2, 1])[0]
    damp = {0: 1.0, 1: 0.8, 2: 0.6, 3: 0.25}
    pool, weights = [], []
    for t, _, _, desire in catalogue:
        have = skills.get(t, 0)
        if have >= 4:
            continue  # nobody sets a goal for what they already master
        pool.append(t)
        weights.append(desire * damp[have] * (0.5 + rng.random()))
    goals = [(t, int(clip(1 + int(5 * rng.random() ** 0.6), 1, 5)))
             for t in weighted_sample(rng, pool, weights, n_goals)]
    return sorted(skills.items()), sorted(goals)


def generate(path):
    rng = random.Random(SEED)
    people = build_org(rng)
    name_people(rng, people)
    hire_people(rng, people)

    dept_names = [d[0] for d in DEPARTMENTS] + [EXECUTIVE[0]]
    dept_ids = {d: i + 1 for i, d in enumerate(sorted(range(len(dept_names)), key=lambda d: dept_names[d]))}

    with open(SCHEMA, encoding="utf-8") as f:
        schema = f.read()
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.executescript(schema)
        # Employees are inserted in id order; a manager hired later than a
        # report has the larger id, so keys are checked once everything is in.
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("BEGIN")
        con.executemany("INSERT INTO departments(id, name) VALUES (?, ?)",
                        sorted((dept_ids[d], dept_names[d]) for d in range(len(dept_names))))
        ordered = sorted(people, key=lambda q: q.id)
        con.executemany(
            "INSERT INTO employees(id, name, title, grade, department_id, manager_id, hire_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(p.id, p.name, p.title, p.grade, dept_ids[p.dept], p.manager.id if p.manager else None,
              p.hire.isoformat()) for p in ordered])
        # Skills and goals in the generation order of people (the rng stream
        # does not depend on ids), written in id order.
        rows = {}
        for p in people:
            rows[p.id] = skills_and_goals(rng, p)
        con.executemany("INSERT INTO employee_skills(employee_id, skill, proficiency) VALUES (?, ?, ?)",
                        [(i, t, v) for i in sorted(rows) for t, v in rows[i][0]])
        con.executemany("INSERT INTO learning_goals(employee_id, skill, priority) VALUES (?, ?, ?)",
                        [(i, t, v) for i in sorted(rows) for t, v in rows[i][1]])
        bad = con.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise RuntimeError("foreign key violations: %r" % bad[:5])
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()
    return len(people)


def main(argv):
    args = [a for a in argv[1:] if a != "--force"]
    force = len(args) != len(argv) - 1
    if len(args) != 1 or args[0].startswith("-"):
        sys.stderr.write("usage: %s [--force] OUT.db\n" % os.path.basename(argv[0]))
        return 2
    out = args[0]
    if os.path.lexists(out) and not force:
        sys.stderr.write("%s: %s exists; pass --force to replace it\n" % (os.path.basename(argv[0]), out))
        return 1
    directory = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(directory):
        sys.stderr.write("%s: no directory %s\n" % (os.path.basename(argv[0]), directory))
        return 1
    # Ends in .db, so an interrupted run leaves nothing git does not ignore.
    fd, tmp = tempfile.mkstemp(prefix=".tmp-%s-" % os.path.basename(out), suffix=".db", dir=directory)
    os.close(fd)
    try:
        # An empty file is a new, empty database to SQLite.
        n = generate(tmp)
        os.replace(tmp, out)
    except BaseException:
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise
    sys.stderr.write("wrote %s: %d employees\n" % (out, n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
