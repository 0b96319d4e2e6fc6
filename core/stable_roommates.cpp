// reciprocity core: stable roommates (Irving 1985) on incomplete lists. See
// stable_roommates.hpp for the model, the ranking and the tie-breaks.
#include "stable_roommates.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>

#include "error.hpp"

namespace rcp {
namespace {

// Preference lists in one flat array. Entry e belongs to owner[e]; adj[e] is
// the partner; twin[e] is the entry of the same pair in the partner's list.
// Positions inside a list are e - off[owner].
struct Table {
  int n = 0;
  std::vector<int> off, adj, twin, owner;
  std::vector<int> sorted_adj, sorted_pos;  // per person: partners by index, with their entry

  explicit Table(const std::vector<std::vector<int>>& prefs) {
    if (prefs.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2))
      fail(ErrorCode::too_large, "too many people for the stable objective");
    n = static_cast<int>(prefs.size());
    off.assign(static_cast<std::size_t>(n) + 1, 0);
    std::size_t m = 0;
    for (int x = 0; x < n; ++x) {
      m += prefs[x].size();
      if (m > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2))
        fail(ErrorCode::too_large, "too many candidate pairs for the stable objective");
      off[x + 1] = static_cast<int>(m);
    }
    adj.resize(m);
    owner.resize(m);
    sorted_adj.resize(m);
    sorted_pos.resize(m);
    std::vector<std::pair<int, int>> tmp;
    for (int x = 0; x < n; ++x) {
      tmp.clear();
      for (std::size_t i = 0; i < prefs[x].size(); ++i) {
        int y = prefs[x][i];
        if (y < 0 || y >= n)
          fail(ErrorCode::invalid_argument, "preference list of " + std::to_string(x) + " names " + std::to_string(y) +
                                                ", not a person in [0, " + std::to_string(n) + ")");
        if (y == x) fail(ErrorCode::invalid_argument, "preference list of " + std::to_string(x) + " names itself");
        int e = off[x] + static_cast<int>(i);
        adj[e] = y;
        owner[e] = x;
        tmp.emplace_back(y, e);
      }
      std::sort(tmp.begin(), tmp.end());
      for (std::size_t i = 0; i < tmp.size(); ++i) {
        if (i > 0 && tmp[i].first == tmp[i - 1].first)
          fail(ErrorCode::invalid_argument, "preference list of " + std::to_string(x) + " names " +
                                                std::to_string(tmp[i].first) + " twice");
        sorted_adj[off[x] + static_cast<int>(i)] = tmp[i].first;
        sorted_pos[off[x] + static_cast<int>(i)] = tmp[i].second;
      }
    }
    twin.resize(m);
    for (std::size_t e = 0; e < m; ++e) {
      int f = find(adj[e], owner[e]);
      if (f < 0)
        fail(ErrorCode::invalid_argument, "acceptability must be mutual: " + std::to_string(owner[e]) + " lists " +
                                              std::to_string(adj[e]) + " but not the other way round");
      twin[e] = f;
    }
  }

  int len(int x) const { return off[x + 1] - off[x]; }
  // The entry of y in x's list, or -1.
  int find(int x, int y) const {
    auto b = sorted_adj.begin() + off[x], e = sorted_adj.begin() + off[x + 1];
    auto it = std::lower_bound(b, e, y);
    if (it == e || *it != y) return -1;
    return sorted_pos[static_cast<std::size_t>(it - sorted_adj.begin())];
  }
};

// ---------------------------------------------------------------- Irving --

struct IrvingOutcome {
  bool stable = false;
  std::vector<int> partner;
  std::vector<int> unmatched_phase1;
  int emptied = -1;
  std::vector<int> rotation;
};

IrvingOutcome irving(const Table& t) {
  const int n = t.n;
  const std::size_t m = t.adj.size();
  std::vector<char> alive(m, 1);
  std::vector<int> first(n), last(n), sec(n), cnt(n);
  for (int x = 0; x < n; ++x) {
    first[x] = t.off[x];
    last[x] = t.off[x + 1] - 1;
    sec[x] = t.off[x];
    cnt[x] = t.len(x);
  }
  auto del = [&](int e) {
    int f = t.twin[e];
    alive[e] = 0;
    alive[f] = 0;
    --cnt[t.owner[e]];
    --cnt[t.owner[f]];
  };
  auto head = [&](int x) {  // cnt[x] > 0
    while (!alive[first[x]]) ++first[x];
    return first[x];
  };
  auto tail = [&](int x) {  // cnt[x] > 0
    while (!alive[last[x]]) --last[x];
    return last[x];
  };
  auto second = [&](int x) {  // cnt[x] >= 2
    int h = head(x);
    int s = std::max(sec[x], h + 1);
    while (!alive[s]) ++s;
    sec[x] = s;
    return s;
  };

  IrvingOutcome out;
  // Phase 1: proposals.
  std::vector<int> target(n, -1);
  std::vector<int> queue;
  queue.reserve(static_cast<std::size_t>(n));
  for (int x = 0; x < n; ++x)
    if (cnt[x] > 0) queue.push_back(x);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    int x = queue[qi];
    if (cnt[x] == 0 || target[x] != -1) continue;
    int e = head(x);
    int y = t.adj[e];
    int p = t.twin[e];  // x's entry in y's list
    for (int f = tail(y); f > p; --f) {
      if (!alive[f]) continue;
      int z = t.adj[f];
      del(f);
      if (target[z] == y) {
        target[z] = -1;
        queue.push_back(z);
      }
    }
    last[y] = p;
    target[x] = y;
  }
  for (int x = 0; x < n; ++x)
    if (cnt[x] == 0) out.unmatched_phase1.push_back(x);

  // Phase 2: rotation elimination.
  std::vector<int> stack, where(n, -1), rot_s;
  int cursor = 0;
  while (true) {
    if (stack.empty()) {
      while (cursor < n && cnt[cursor] < 2) ++cursor;
      if (cursor == n) break;
      where[cursor] = 0;
      stack.push_back(cursor);
    }
    int p = stack.back();
    if (cnt[p] < 2) {
      where[p] = -1;
      stack.pop_back();
      continue;
    }
    int q = t.adj[second(p)];
    int nx = t.adj[tail(q)];
    if (where[nx] < 0) {
      where[nx] = static_cast<int>(stack.size());
      stack.push_back(nx);
      continue;
    }
    // A cycle: stack[r..]. Check every link against the current table (the
    // older links of a reused prefix are not trusted blindly).
    const std::size_t r = static_cast<std::size_t>(where[nx]);
    bool valid = true;
    rot_s.clear();
    for (std::size_t i = r; i < stack.size() && valid; ++i) {
      int xi = stack[i];
      if (cnt[xi] < 2) {
        valid = false;
        break;
      }
      int s = second(xi);
      int expect = i + 1 < stack.size() ? stack[i + 1] : stack[r];
      if (t.adj[tail(t.adj[s])] != expect) valid = false;
      rot_s.push_back(s);
    }
    if (!valid) {
      for (int v : stack) where[v] = -1;
      stack.clear();
      continue;
    }
    std::vector<int> rot(stack.begin() + static_cast<std::ptrdiff_t>(r), stack.end());
    for (int v : rot) where[v] = -1;
    stack.resize(r);
    // Eliminate: y_{i+1} = adj[s_i] deletes every successor of x_i.
    for (std::size_t i = 0; i < rot.size(); ++i) {
      int y = t.adj[rot_s[i]];
      int pos = t.twin[rot_s[i]];
      if (cnt[y] > 0) {
        for (int f = tail(y); f > pos; --f) {
          if (!alive[f]) continue;
          int z = t.adj[f];
          del(f);
          int empty = cnt[z] == 0 ? z : (cnt[y] == 0 ? y : -1);
          if (empty >= 0) {
            out.emptied = empty;
            out.rotation = rot;
            return out;
          }
        }
      }
      last[y] = pos;
    }
  }
  out.stable = true;
  out.partner.assign(n, -1);
  for (int x = 0; x < n; ++x)
    if (cnt[x] == 1) out.partner[x] = t.adj[head(x)];
  for (int x = 0; x < n; ++x)
    if (out.partner[x] >= 0 && out.partner[out.partner[x]] != x)
      fail(ErrorCode::internal, "stable roommates: phase 2 ended with an asymmetric table");
  return out;
}

// ------------------------------------------------------ blocking pairs --

// Partner positions: ppos[x] = position of x's partner in x's list, or
// len(x) when unmatched. {x, y} blocks iff both positions are smaller.
std::vector<int> partner_positions(const Table& t, const std::vector<int>& partner) {
  std::vector<int> ppos(t.n);
  for (int x = 0; x < t.n; ++x) {
    if (partner[x] < 0) {
      ppos[x] = t.len(x);
    } else {
      int e = t.find(x, partner[x]);
      if (e < 0)
        fail(ErrorCode::internal, "matched pair is not acceptable");
      ppos[x] = e - t.off[x];
    }
  }
  return ppos;
}

std::vector<std::pair<int, int>> list_blocking(const Table& t, const std::vector<int>& ppos) {
  std::vector<std::pair<int, int>> out;
  for (int x = 0; x < t.n; ++x)
    for (int e = t.off[x], end = t.off[x] + ppos[x]; e < end; ++e) {
      int y = t.adj[e];
      if (y > x && t.twin[e] - t.off[y] < ppos[y]) out.emplace_back(x, y);
    }
  std::sort(out.begin(), out.end());
  return out;
}

// ------------------------------------------------------- local search --

struct SplitMix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t k) { return static_cast<std::size_t>(next() % k); }
};

class LocalSearch {
 public:
  explicit LocalSearch(const Table& t) : t_(t), partner_(t.n, -1), ppos_(t.n) {}

  void load(const std::vector<int>& partner) {
    partner_ = partner;
    for (int x = 0; x < t_.n; ++x) ppos_[x] = position(x, partner_[x]);
  }
  const std::vector<int>& partner() const { return partner_; }

  bool blocks(int e) const {
    int x = t_.owner[e], y = t_.adj[e];
    return e - t_.off[x] < ppos_[x] && t_.twin[e] - t_.off[y] < ppos_[y];
  }
  std::size_t count_all() const {
    std::size_t c = 0;
    for (int x = 0; x < t_.n; ++x)
      for (int e = t_.off[x], end = t_.off[x] + ppos_[x]; e < end; ++e) {
        int y = t_.adj[e];
        if (y > x && t_.twin[e] - t_.off[y] < ppos_[y]) ++c;
      }
    return c;
  }
  void collect(std::vector<int>& out) const {
    out.clear();
    for (int x = 0; x < t_.n; ++x)
      for (int e = t_.off[x], end = t_.off[x] + ppos_[x]; e < end; ++e) {
        int y = t_.adj[e];
        if (y > x && t_.twin[e] - t_.off[y] < ppos_[y]) out.push_back(e);
      }
  }
  // Blocking pairs with at least one end in s[0..k).
  std::size_t count_incident(const int* s, int k) const {
    std::size_t c = 0;
    for (int a = 0; a < k; ++a) {
      int x = s[a];
      for (int e = t_.off[x], end = t_.off[x] + ppos_[x]; e < end; ++e) {
        int y = t_.adj[e];
        if (t_.twin[e] - t_.off[y] >= ppos_[y]) continue;
        bool y_in = false;
        for (int b = 0; b < k; ++b) y_in |= s[b] == y;
        if (!y_in || x < y) ++c;
      }
    }
    return c;
  }
  // Pairs x with y; their former partners with each other when acceptable.
  // Fills s (the people whose partner changed) and returns their number.
  int apply(int x, int y, int* s) {
    int xo = partner_[x], yo = partner_[y];
    int k = 0;
    s[k++] = x;
    s[k++] = y;
    if (xo >= 0) s[k++] = xo;
    if (yo >= 0) s[k++] = yo;
    return k;
  }
  void set(int x, int y) {  // y may be -1
    partner_[x] = y;
    ppos_[x] = position(x, y);
  }
  void move(int x, int y) {
    int xo = partner_[x], yo = partner_[y];
    if (xo >= 0) set(xo, -1);
    if (yo >= 0) set(yo, -1);
    set(x, y);
    set(y, x);
    if (xo >= 0 && yo >= 0 && t_.find(xo, yo) >= 0) {
      set(xo, yo);
      set(yo, xo);
    }
  }

 private:
  int position(int x, int y) const { return y < 0 ? t_.len(x) : t_.find(x, y) - t_.off[x]; }
  const Table& t_;
  std::vector<int> partner_, ppos_;
};

std::vector<int> greedy_by_rank_sum(const Table& t) {
  std::vector<std::tuple<int, int, int, int>> pairs;  // (rank sum, min rank, x, y)
  for (int x = 0; x < t.n; ++x)
    for (int e = t.off[x]; e < t.off[x + 1]; ++e) {
      int y = t.adj[e];
      if (y < x) continue;
      int rx = e - t.off[x], ry = t.twin[e] - t.off[y];
      pairs.emplace_back(rx + ry, std::min(rx, ry), x, y);
    }
  std::sort(pairs.begin(), pairs.end());
  std::vector<int> partner(t.n, -1);
  for (const auto& [sum, mn, x, y] : pairs)
    if (partner[x] < 0 && partner[y] < 0) {
      partner[x] = y;
      partner[y] = x;
    }
  return partner;
}

std::vector<int> random_maximal(const Table& t, SplitMix& rng) {
  std::vector<int> entries;
  for (int x = 0; x < t.n; ++x)
    for (int e = t.off[x]; e < t.off[x + 1]; ++e)
      if (t.adj[e] > x) entries.push_back(e);
  for (std::size_t i = entries.size(); i > 1; --i) std::swap(entries[i - 1], entries[rng.below(i)]);
  std::vector<int> partner(t.n, -1);
  for (int e : entries) {
    int x = t.owner[e], y = t.adj[e];
    if (partner[x] < 0 && partner[y] < 0) {
      partner[x] = y;
      partner[y] = x;
    }
  }
  return partner;
}

// Irving on everyone but `out` (their lists treated as empty), repeated with
// the person whose list ran empty added to `out`, until the rest has a stable
// matching (at most max_rounds rounds). The result pairs the rest stably;
// blocking pairs can then only involve the people left out. Returns an empty
// vector when the rounds run out.
std::vector<int> stable_after_removals(const Table& t, int first_emptied, std::size_t max_rounds) {
  std::vector<char> out(t.n, 0);
  out[first_emptied] = 1;
  std::vector<std::vector<int>> prefs(t.n);
  for (std::size_t round = 0; round < max_rounds; ++round) {
    for (int x = 0; x < t.n; ++x) {
      prefs[x].clear();
      if (out[x]) continue;
      for (int e = t.off[x]; e < t.off[x + 1]; ++e)
        if (!out[t.adj[e]]) prefs[x].push_back(t.adj[e]);
    }
    Table sub(prefs);
    IrvingOutcome o = irving(sub);
    if (o.stable) {
      // Pair left-out people with free acceptable people, best rank sum first.
      std::vector<int> partner = o.partner;
      std::vector<std::tuple<int, int, int>> extra;
      for (int z = 0; z < t.n; ++z) {
        if (!out[z]) continue;
        for (int e = t.off[z]; e < t.off[z + 1]; ++e) {
          int y = t.adj[e];
          if (partner[y] < 0 && (!out[y] || y > z)) extra.emplace_back(e - t.off[z] + t.twin[e] - t.off[y], z, y);
        }
      }
      std::sort(extra.begin(), extra.end());
      for (const auto& [r, z, y] : extra)
        if (partner[z] < 0 && partner[y] < 0) {
          partner[z] = y;
          partner[y] = z;
        }
      return partner;
    }
    out[o.emptied] = 1;
  }
  return {};
}

// The matching with the fewest blocking pairs found (see the header).
std::vector<int> fewest_blocking(const Table& t, const StableOptions& opt, const std::vector<int>* greedy_start,
                                 int emptied, std::size_t* blocking) {
  LocalSearch ls(t);
  // Starting matchings, in order: Irving after removals, best-pair-first by
  // score (when the caller has scores), greedy by rank sum, then seeded
  // random maximal matchings.
  std::vector<std::vector<int>> starts;
  {
    std::vector<int> r = stable_after_removals(t, emptied, 64);
    if (!r.empty()) starts.push_back(std::move(r));
  }
  if (greedy_start) starts.push_back(*greedy_start);
  starts.push_back(greedy_by_rank_sum(t));
  if (opt.restarts == 0) {  // no local search: the best starting matching
    std::size_t best_count = std::numeric_limits<std::size_t>::max();
    std::vector<int> best;
    for (const auto& st : starts) {
      ls.load(st);
      std::size_t c = ls.count_all();
      if (c < best_count) best_count = c, best = st;
    }
    *blocking = best_count;
    return best;
  }
  const unsigned restarts = std::max<unsigned>(opt.restarts, static_cast<unsigned>(starts.size()));
  const std::size_t steps = opt.steps_per_restart ? opt.steps_per_restart : 20 * static_cast<std::size_t>(t.n) + 1000;
  std::vector<int> best;
  std::size_t best_count = std::numeric_limits<std::size_t>::max();
  std::vector<int> todo;
  int s[4];
  std::vector<int> saved(4);
  // No stable matching exists, so one blocking pair is the minimum: stop there.
  for (unsigned r = 0; r < restarts && best_count > 1; ++r) {
    SplitMix rng{opt.seed * 0x2545F4914F6CDD1Dull + r};
    if (r < starts.size()) ls.load(starts[r]);
    else ls.load(random_maximal(t, rng));
    std::size_t cur = ls.count_all();
    if (cur < best_count) {
      best_count = cur;
      best = ls.partner();
    }
    todo.clear();
    for (std::size_t step = 0; step < steps && cur > 1; ++step) {
      int e = -1;
      while (e < 0) {
        if (todo.empty()) {
          ls.collect(todo);
          if (todo.empty()) break;
        }
        std::size_t i = rng.below(todo.size());
        int c = todo[i];
        todo[i] = todo.back();
        todo.pop_back();
        if (ls.blocks(c)) e = c;
      }
      if (e < 0) break;
      int x = t.owner[e], y = t.adj[e];
      int k = ls.apply(x, y, s);
      std::size_t before = ls.count_incident(s, k);
      for (int a = 0; a < k; ++a) saved[a] = ls.partner()[s[a]];
      ls.move(x, y);
      std::size_t after = ls.count_incident(s, k);
      if (after <= before || rng.below(64) == 0) {
        cur = cur - before + after;
        if (cur < best_count) {
          best_count = cur;
          best = ls.partner();
        }
      } else {
        for (int a = 0; a < k; ++a) ls.set(s[a], -1);
        for (int a = 0; a < k; ++a) ls.set(s[a], saved[a]);
      }
    }
  }
  *blocking = best_count;
  return best;
}

StableIndexResult solve(const Table& t, const StableOptions& opt, const std::vector<int>* first_start) {
  StableIndexResult res;
  IrvingOutcome o = irving(t);
  res.unmatched_in_phase1 = o.unmatched_phase1;
  if (o.stable) {
    std::vector<int> ppos = partner_positions(t, o.partner);
    if (!list_blocking(t, ppos).empty())
      fail(ErrorCode::internal, "stable roommates: the matching found is not stable");
    res.stable = true;
    res.partner = std::move(o.partner);
    return res;
  }
  res.failed_phase = 2;
  res.emptied = o.emptied;
  res.rotation = o.rotation;
  res.partner = fewest_blocking(t, opt, first_start, o.emptied, &res.blocking_pairs);
  return res;
}

// ----------------------------------------------------- ids and checks --

struct NormPair {
  int lo, hi;  // indices, lo < hi
  double score, glo, ghi;
};

struct Canon {
  std::vector<std::int64_t> ids;  // sorted
  std::vector<NormPair> pairs;    // sorted by (lo, hi), unique
  std::vector<std::vector<int>> prefs;

  int index(std::int64_t id) const {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return -1;
    return static_cast<int>(it - ids.begin());
  }
  const NormPair* pair(int x, int y) const {
    if (x > y) std::swap(x, y);
    auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(x, y),
                               [](const NormPair& p, const std::pair<int, int>& k) {
                                 return std::make_pair(p.lo, p.hi) < k;
                               });
    if (it == pairs.end() || it->lo != x || it->hi != y) return nullptr;
    return &*it;
  }
};

std::string pair_name(std::int64_t a, std::int64_t b) {
  return "candidate pair (" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

void check_value(std::int64_t a, std::int64_t b, const char* what, double v) {
  if (std::isnan(v)) fail(ErrorCode::invalid_argument, pair_name(a, b) + ": " + what + " is NaN");
  if (std::isinf(v)) fail(ErrorCode::invalid_argument, pair_name(a, b) + ": " + what + " is infinite");
  if (v < 0) fail(ErrorCode::invalid_argument, pair_name(a, b) + ": " + what + " is negative");
}

Canon canonicalise(const std::vector<StableCandidate>& cands, bool build_prefs) {
  Canon c;
  c.ids.reserve(cands.size() * 2);
  for (const auto& p : cands) {
    if (p.a == p.b) fail(ErrorCode::invalid_argument, pair_name(p.a, p.b) + " is a self-pair");
    check_value(p.a, p.b, "score", p.score);
    check_value(p.a, p.b, "a_gain", p.a_gain);
    check_value(p.a, p.b, "b_gain", p.b_gain);
    c.ids.push_back(p.a);
    c.ids.push_back(p.b);
  }
  std::sort(c.ids.begin(), c.ids.end());
  c.ids.erase(std::unique(c.ids.begin(), c.ids.end()), c.ids.end());
  if (c.ids.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2))
    fail(ErrorCode::too_large, "too many people for the stable objective");
  c.pairs.reserve(cands.size());
  for (const auto& p : cands) {
    int x = c.index(p.a), y = c.index(p.b);
    if (x < y) c.pairs.push_back({x, y, p.score, p.a_gain, p.b_gain});
    else c.pairs.push_back({y, x, p.score, p.b_gain, p.a_gain});
  }
  std::sort(c.pairs.begin(), c.pairs.end(), [](const NormPair& u, const NormPair& v) {
    return std::tie(u.lo, u.hi, u.score, u.glo, u.ghi) < std::tie(v.lo, v.hi, v.score, v.glo, v.ghi);
  });
  std::size_t w = 0;
  for (std::size_t i = 0; i < c.pairs.size(); ++i) {
    const NormPair& p = c.pairs[i];
    if (w > 0 && c.pairs[w - 1].lo == p.lo && c.pairs[w - 1].hi == p.hi) {
      const NormPair& q = c.pairs[w - 1];
      if (q.score != p.score || q.glo != p.glo || q.ghi != p.ghi)
        fail(ErrorCode::invalid_argument,
             pair_name(c.ids[p.lo], c.ids[p.hi]) + " is given twice with different values");
      continue;
    }
    c.pairs[w++] = p;
  }
  c.pairs.resize(w);
  if (!build_prefs) return c;

  // WIIFM rankings: own gain desc, then score desc, then partner id asc.
  struct Item {
    double gain, score;
    int other;
  };
  const int n = static_cast<int>(c.ids.size());
  std::vector<std::vector<Item>> items(n);
  for (const auto& p : c.pairs) {
    items[p.lo].push_back({p.glo, p.score, p.hi});
    items[p.hi].push_back({p.ghi, p.score, p.lo});
  }
  c.prefs.resize(n);
  for (int x = 0; x < n; ++x) {
    auto& v = items[x];
    std::sort(v.begin(), v.end(), [](const Item& u, const Item& w2) {
      if (u.gain != w2.gain) return u.gain > w2.gain;
      if (u.score != w2.score) return u.score > w2.score;
      return u.other < w2.other;
    });
    c.prefs[x].reserve(v.size());
    for (const auto& it : v) c.prefs[x].push_back(it.other);
    std::vector<Item>().swap(v);
  }
  return c;
}

std::vector<int> greedy_indices(const Canon& c) {
  std::vector<const NormPair*> order;
  order.reserve(c.pairs.size());
  for (const auto& p : c.pairs) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const NormPair* u, const NormPair* v) {
    if (u->score != v->score) return u->score > v->score;
    return std::tie(u->lo, u->hi) < std::tie(v->lo, v->hi);
  });
  std::vector<int> partner(c.ids.size(), -1);
  for (const NormPair* p : order)
    if (partner[p->lo] < 0 && partner[p->hi] < 0) {
      partner[p->lo] = p->hi;
      partner[p->hi] = p->lo;
    }
  return partner;
}

std::vector<StablePair> to_pairs(const Canon& c, const std::vector<int>& partner) {
  std::vector<StablePair> out;
  for (int x = 0; x < static_cast<int>(partner.size()); ++x) {
    int y = partner[x];
    if (y > x) out.push_back({c.ids[x], c.ids[y], c.pair(x, y)->score});
  }
  return out;  // sorted by a since ids are sorted
}

std::vector<int> matching_to_partner(const Canon& c, const std::vector<std::pair<std::int64_t, std::int64_t>>& m) {
  std::vector<int> partner(c.ids.size(), -1);
  for (const auto& [a, b] : m) {
    std::string name = "matched pair (" + std::to_string(a) + ", " + std::to_string(b) + ")";
    if (a == b) fail(ErrorCode::invalid_argument, name + " is a self-pair");
    int x = c.index(a), y = c.index(b);
    if (x < 0 || y < 0 || !c.pair(x, y)) fail(ErrorCode::invalid_argument, name + " is not a candidate pair");
    if (partner[x] >= 0 || partner[y] >= 0)
      fail(ErrorCode::invalid_argument,
           name + ": " + std::to_string(partner[x] >= 0 ? a : b) + " is in more than one pair");
    partner[x] = y;
    partner[y] = x;
  }
  return partner;
}

std::string join_ids(const std::vector<std::int64_t>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s;
}

}  // namespace

StableIndexResult stable_roommates_prefs(const std::vector<std::vector<int>>& prefs, const StableOptions& options) {
  Table t(prefs);
  StableIndexResult r = solve(t, options, nullptr);
  if (!r.stable) {
    std::string rot;
    for (std::size_t i = 0; i < r.rotation.size(); ++i) rot += (i ? ", " : "") + std::to_string(r.rotation[i]);
    r.explanation = "no stable matching exists: in phase 2, eliminating the rotation with x = (" + rot +
                    ") emptied the preference list of " + std::to_string(r.emptied) +
                    "; the matching returned is not stable: it has " + std::to_string(r.blocking_pairs) +
                    (r.blocking_pairs == 1 ? " blocking pair, the minimum possible"
                                           : " blocking pairs, the fewest a seeded local search found");
  }
  return r;
}

std::vector<std::pair<int, int>> blocking_pairs_prefs(const std::vector<std::vector<int>>& prefs,
                                                      const std::vector<int>& partner) {
  Table t(prefs);
  if (partner.size() != static_cast<std::size_t>(t.n))
    fail(ErrorCode::invalid_argument, "partner has " + std::to_string(partner.size()) + " entries for " +
                                          std::to_string(t.n) + " people");
  for (int x = 0; x < t.n; ++x) {
    int y = partner[x];
    if (y == -1) continue;
    if (y < 0 || y >= t.n || y == x || partner[y] != x)
      fail(ErrorCode::invalid_argument, "partner is not a matching at " + std::to_string(x));
    if (t.find(x, y) < 0)
      fail(ErrorCode::invalid_argument,
           "matched pair (" + std::to_string(x) + ", " + std::to_string(y) + ") is not acceptable");
  }
  return list_blocking(t, partner_positions(t, partner));
}

StableResult stable_roommates(const std::vector<StableCandidate>& candidates, const StableOptions& options) {
  Canon c = canonicalise(candidates, true);
  Table t(c.prefs);
  std::vector<std::vector<int>>().swap(c.prefs);
  std::vector<int> greedy = greedy_indices(c);
  StableIndexResult r = solve(t, options, &greedy);
  StableResult out;
  out.stable = r.stable;
  out.pairs = to_pairs(c, r.partner);
  out.blocking_pairs = r.blocking_pairs;
  for (int x : r.unmatched_in_phase1) out.unmatched_in_phase1.push_back(c.ids[x]);
  if (!r.stable) {
    out.failed_phase = r.failed_phase;
    out.emptied = c.ids[r.emptied];
    for (int x : r.rotation) out.rotation.push_back(c.ids[x]);
    out.explanation = "no stable matching exists: in phase 2 of Irving's algorithm, eliminating the rotation with x = (" +
                      join_ids(out.rotation) + ") emptied the preference list of " + std::to_string(out.emptied) +
                      "; the pairs returned are NOT stable: " +
                      (out.blocking_pairs == 1
                           ? std::string("they have 1 blocking pair, the minimum possible")
                           : "they have " + std::to_string(out.blocking_pairs) +
                                 " blocking pairs, the fewest a seeded local search found (not necessarily the minimum)");
  }
  return out;
}

std::vector<StablePair> best_pair_first(const std::vector<StableCandidate>& candidates) {
  Canon c = canonicalise(candidates, false);
  return to_pairs(c, greedy_indices(c));
}

std::vector<std::pair<std::int64_t, std::int64_t>> blocking_pairs(
    const std::vector<StableCandidate>& candidates, const std::vector<std::pair<std::int64_t, std::int64_t>>& matching) {
  Canon c = canonicalise(candidates, true);
  Table t(c.prefs);
  std::vector<int> partner = matching_to_partner(c, matching);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& [x, y] : list_blocking(t, partner_positions(t, partner))) out.emplace_back(c.ids[x], c.ids[y]);
  return out;
}

std::size_t count_blocking_pairs(const std::vector<StableCandidate>& candidates,
                                 const std::vector<std::pair<std::int64_t, std::int64_t>>& matching) {
  return blocking_pairs(candidates, matching).size();
}

}  // namespace rcp
