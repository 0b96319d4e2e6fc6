// reciprocity core: exact maximum-weight matching (see max_weight_matching.hpp).
//
// The weighted engine is Edmonds' primal-dual blossom algorithm in the
// formulation of Galil ("Efficient algorithms for finding maximum matching in
// graphs", 1986) with integer arithmetic:
//
//   slack(u, v) = y_u + y_v + sum of Z_B over blossoms B containing u and v
//                 - 2 w(u, v)                                      >= 0
//
// (edge costs doubled and blossom duals stored doubled, so that every dual
// step below is an integer). Matched edges and blossom edges have slack 0,
// y >= 0, Z >= 0, and a free vertex has y = 0 at the end: then the matching is
// optimal (complementary slackness of the matching polytope LP).
//
// Each search grows a single alternating tree from one free vertex r with
// y_r > 0. Dual changes are lazy: a global clock D counts the dual change of
// the current search. Every top-level blossom owns a *group*; a vertex's dual
// is its own value plus its group's offset, and the offset follows the clock
// (-D for S, +D for T), so labelling a blossom of any size is O(1) and a
// vertex's top blossom is gtop[vgrp[v]], O(1). A new blossom keeps the group
// of its largest child and moves only the smaller children's vertices; an
// expanded blossom gives its group back to that child. The next event is
// taken from binary heaps keyed by the clock value at which it happens:
//   delta1  an S vertex's dual reaches 0  -> flip the tree path from r to it
//           (r becomes matched, that vertex free with dual 0); search ends;
//   delta2  an edge S - unlabelled becomes tight -> label T (and its mate S),
//           or augment if the unlabelled blossom's base is free; search ends;
//   delta3  an edge S - S (different blossoms) becomes tight -> new blossom;
//   delta4  a T blossom's dual reaches 0 -> expand it.
// Only the groups and blossoms the search labelled are touched when it ends
// (their offsets are frozen, labels cleared). Blossoms persist across
// searches; S blossoms whose dual is 0 at the end of a search are dissolved.
// delta2 events are kept one per unlabelled vertex (its best edge to an S
// vertex), which keeps the heap near the number of vertices.
// Maximum cardinality: solve for weight, then grow one alternating forest
// from all the still-free vertices at once, without delta1, until the
// maximum cardinality (known from the unweighted engine) is reached: each
// augmentation is along a maximum-weight augmenting path, and the free
// vertices keep a common dual below every other one, which certifies maximum
// weight among the matchings of that size (see grow_forest). (Adding a
// constant larger than any total to every weight and searching again from
// each free vertex would be the same objective, but each free vertex that
// stays free then grows a tree over most of the graph: quadratic.)
// Parity: every vertex of the tree is joined to r by tight edges whose costs
// and blossom duals are even, so S-S slacks are even and delta3 = slack / 2 is
// an integer (in a forest too: all roots share one dual).
//
// The unweighted engine is Edmonds' cardinality algorithm with union-find
// blossom bases, per-search reset of the visited vertices only, and removal of
// Hungarian trees (a failed search's tree never carries an augmenting path).
#include "core/max_weight_matching.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/fixed_point.hpp"

namespace rcp {

namespace {

using i64 = std::int64_t;
using i32 = std::int32_t;

constexpr i64 kInf = std::numeric_limits<i64>::max() / 4;

thread_local detail::MatchingStats g_stats;

// ---------------------------------------------------------------------------
// Weighted blossom engine.

class WeightedSolver {
 public:
  WeightedSolver(std::size_t n, const std::vector<WeightedEdge>& edges) : n_(static_cast<i32>(n)) {
    const std::size_t m = edges.size();
    eu_.resize(m);
    ev_.resize(m);
    cost_.resize(m);
    std::vector<i32> deg(n + 1, 0);
    for (std::size_t k = 0; k < m; ++k) {
      eu_[k] = static_cast<i32>(edges[k].u);
      ev_[k] = static_cast<i32>(edges[k].v);
      cost_[k] = 2 * edges[k].weight;
      ++deg[edges[k].u + 1];
      ++deg[edges[k].v + 1];
    }
    for (std::size_t v = 0; v < n; ++v) deg[v + 1] += deg[v];
    start_.assign(deg.begin(), deg.end());
    adj_.resize(2 * m);
    for (std::size_t k = 0; k < m; ++k) {
      const i32 u = eu_[k], v = ev_[k];
      const i64 c = cost_[k];
      adj_[deg[u]++] = Adj{v, static_cast<i32>(2 * k + 1), c};
      adj_[deg[v]++] = Adj{u, static_cast<i32>(2 * k), c};
    }
    const std::size_t nb = 2 * n;
    mate_.assign(n, -1);
    y_.assign(n, 0);
    vgrp_.resize(n);
    gtop_.resize(n);
    gofs_.assign(n, 0);
    genc_.assign(n, 0);
    gtouched_.assign(n, 0);
    for (i32 v = 0; v < n_; ++v) vgrp_[v] = gtop_[v] = v;
    bgrp_.assign(nb, -1);
    for (i32 v = 0; v < n_; ++v) bgrp_[v] = v;
    bsize_.assign(nb, 0);
    for (i32 v = 0; v < n_; ++v) bsize_[v] = 1;
    bowner_.assign(nb, -1);
    bparent_.assign(nb, -1);
    bbase_.assign(nb, -1);
    for (i32 v = 0; v < n_; ++v) bbase_[v] = v;
    blabel_.assign(nb, 0);
    blabelend_.assign(nb, -1);
    btree_.assign(nb, -1);
    best2_.assign(n, -1);
    best2key_.assign(n, kInf);
    Z_.assign(nb, 0);
    zenc_.assign(nb, 0);
    btouched_.assign(nb, 0);
    bused_.assign(nb, 0);
    mark_.assign(nb, 0);
    bchild_.resize(nb);
    bendp_.resize(nb);
    for (std::size_t b = nb; b > n; --b) free_.push_back(static_cast<i32>(b - 1));
  }

  void run() {
    init_duals();
    search_all();
  }

  // Maximum weight among the matchings of `target` pairs, target being the
  // maximum cardinality: after run(), grows an alternating forest from all
  // the free vertices at once (see grow_forest).
  void run_max_cardinality(std::size_t target) {
    run();
    grow_forest(target);
  }

  std::vector<i32> partners() const {
    std::vector<i32> out(static_cast<std::size_t>(n_), -1);
    for (i32 v = 0; v < n_; ++v)
      if (mate_[v] != -1) out[v] = vert(mate_[v]);
    return out;
  }

  // After run(): the slack of a (possibly absent) edge {u, v} of weight w
  // under the final duals.
  i64 slack(i32 u, i32 v, i64 w) {
    i64 s = ytrue(u) + ytrue(v) - 2 * w;
    if (top(u) == top(v) && top(u) >= n_) s += common_blossom_dual(u, v);
    return s;
  }

  // After run(): checks the optimality certificate (y >= 0, Z >= 0, slack >= 0
  // on every edge, 0 on matched ones, free vertices at y = 0, blossoms with
  // positive dual full). Returns an empty string when it holds. After
  // run_max_cardinality(), the certificate of the LP with the extra equation
  // "number of pairs = |M|": its free multiplier lets every dual be offset by
  // a common floor, so the free vertices must share one dual and no dual may
  // be below it (instead of 0).
  std::string certificate_error(bool max_cardinality) {
    i64 floor = 0;
    if (max_cardinality) {
      floor = kInf;
      for (i32 v = 0; v < n_; ++v) floor = std::min(floor, ytrue(v));
    }
    for (i32 v = 0; v < n_; ++v) {
      // floor is 0 for the plain certificate, the common free dual otherwise.
      if (ytrue(v) < floor) return "vertex dual below the floor (0, or the free vertices' dual) at " + std::to_string(v);
      if (mate_[v] == -1 && ytrue(v) != floor) return "free vertex with a dual above the floor: " + std::to_string(v);
      if (mate_[v] != -1 && vert(mate_[v] ^ 1) != v) return "mate not an incident endpoint";
      if (mate_[v] != -1 && mate_[vert(mate_[v])] != (mate_[v] ^ 1)) return "asymmetric mate";
      i32 t = v;
      while (bparent_[t] != -1) t = bparent_[t];
      if (top(v) != t) return "stale top blossom of vertex " + std::to_string(v);
    }
    for (std::size_t k = 0; k < eu_.size(); ++k) {
      const i64 s = slack(eu_[k], ev_[k], cost_[k] / 2);
      if (s < 0) return "negative slack on edge " + std::to_string(k);
      if (mate_[eu_[k]] == static_cast<i32>(2 * k + 1) && s != 0) return "matched edge not tight";
    }
    for (i32 b = n_; b < 2 * n_; ++b) {
      if (!bused_[b]) continue;
      if (Z_[b] < 0) return "negative blossom dual";
      if (Z_[b] % 2 != 0) return "odd blossom dual";
      std::vector<i32> leaves;
      for_leaves(b, [&](i32 v) { leaves.push_back(v); });
      if (leaves.size() % 2 != 1 || static_cast<i32>(leaves.size()) != bsize_[b]) return "bad blossom size";
      std::size_t inside = 0;
      for (i32 v : leaves) {
        if (mate_[v] == -1) continue;
        i32 t = vert(mate_[v]);
        while (t != -1 && t != b) t = bparent_[t];
        if (t == b) ++inside;
      }
      if (Z_[b] > 0 && inside != leaves.size() - 1) return "blossom with positive dual not full";
    }
    return std::string();
  }

 private:
  struct Adj {
    i32 to;  // the neighbour
    i32 p;   // the endpoint index at the neighbour (2k or 2k+1)
    i64 c;   // 2 * weight
  };
  using HeapItem = std::pair<i64, i32>;
  struct HeapCmp {
    bool operator()(const HeapItem& a, const HeapItem& b) const noexcept { return a > b; }
  };

  static constexpr signed char kFree = 0, kS = 1, kT = 2;

  i32 vert(i32 p) const noexcept { return (p & 1) ? ev_[p >> 1] : eu_[p >> 1]; }

  // Top-level blossoms own a group; every vertex names its top blossom's group.
  i32 top(i32 v) const noexcept { return gtop_[vgrp_[v]]; }

  // A group's vertices all change dual at the same rate: true dual of v is
  // y_[v] + offset of its group, and the offset moves with the clock D by
  // -genc (S: -1 per unit, T: +1 per unit, unlabelled: 0).
  i64 gtrue(i32 g) const noexcept { return gofs_[g] - genc_[g] * D_; }
  i64 ytrue(i32 v) const noexcept { return y_[v] + gtrue(vgrp_[v]); }
  void set_genc(i32 g, signed char e) {
    const i64 t = gtrue(g);
    genc_[g] = e;
    gofs_[g] = t + e * D_;
    if (!gtouched_[g]) {
      gtouched_[g] = 1;
      touchedG_.push_back(g);
    }
  }
  void move_leaf(i32 v, i32 g) {
    y_[v] += gtrue(vgrp_[v]) - gtrue(g);
    vgrp_[v] = g;
  }
  i32 new_group_like(i32 g) {
    const i32 h = gfree_.back();
    gfree_.pop_back();
    gofs_[h] = gofs_[g];
    genc_[h] = genc_[g];
    if (genc_[h] != 0 && !gtouched_[h]) {
      gtouched_[h] = 1;
      touchedG_.push_back(h);
    }
    return h;
  }

  i64 ztrue(i32 b) const noexcept { return Z_[b] + 2 * zenc_[b] * D_; }
  void set_zenc(i32 b, signed char e) {
    const i64 zt = ztrue(b);
    zenc_[b] = e;
    Z_[b] = zt - 2 * e * D_;
  }
  void touch_blossom(i32 b) {
    if (!btouched_[b]) {
      btouched_[b] = 1;
      touchedB_.push_back(b);
    }
  }

  template <class F>
  void for_leaves(i32 b, F&& f) {
    if (b < n_) {
      f(b);
      return;
    }
    leafstack_.clear();
    leafstack_.push_back(b);
    while (!leafstack_.empty()) {
      const i32 x = leafstack_.back();
      leafstack_.pop_back();
      if (x < n_) {
        f(x);
      } else {
        const auto& ch = bchild_[x];
        for (auto it = ch.rbegin(); it != ch.rend(); ++it) leafstack_.push_back(*it);
      }
    }
  }

  static void heap_push(std::vector<HeapItem>& h, i64 key, i32 id) {
    h.emplace_back(key, id);
    std::push_heap(h.begin(), h.end(), HeapCmp{});
  }
  static void heap_pop(std::vector<HeapItem>& h) {
    std::pop_heap(h.begin(), h.end(), HeapCmp{});
    h.pop_back();
  }

  void search_all() {
    for (i32 v = 0; v < n_; ++v) {
      if (mate_[v] == -1 && ytrue(v) > 0) {
        ++g_stats.searches;
        search(v);
      }
    }
  }

  void init_duals() {
    // y_v = the heaviest incident weight makes every edge feasible; then lower
    // each dual as far as feasibility allows, and match greedily along tight
    // edges.
    for (i32 v = 0; v < n_; ++v) {
      i64 best = 0;
      for (i32 a = start_[v]; a < start_[v + 1]; ++a) best = std::max(best, adj_[a].c / 2);
      y_[v] = best;
    }
    for (i32 v = 0; v < n_; ++v) {
      i64 need = 0;
      for (i32 a = start_[v]; a < start_[v + 1]; ++a) need = std::max(need, adj_[a].c - y_[adj_[a].to]);
      y_[v] = need;
    }
    for (i32 v = 0; v < n_; ++v) {
      if (mate_[v] != -1 || y_[v] == 0) continue;
      for (i32 a = start_[v]; a < start_[v + 1]; ++a) {
        const Adj& e = adj_[a];
        if (mate_[e.to] == -1 && e.c > 0 && y_[v] + y_[e.to] == e.c) {
          mate_[v] = e.p;
          mate_[e.to] = e.p ^ 1;
          break;
        }
      }
    }
  }

  // ---- labelling -----------------------------------------------------------

  // v is S now (its group is S-encoded): queue it for scanning, and track the
  // clock value at which the smallest S dual reaches 0.
  void now_s(i32 v) {
    queue_.push_back(v);
    if (forest_) return;
    const i64 key = D_ + ytrue(v);
    if (key < min1key_ || (key == min1key_ && v < min1v_)) {
      min1key_ = key;
      min1v_ = v;
    }
  }

  // The tree a blossom joins: the one of the S or T blossom it is labelled
  // from, or a new one named by its root.
  void join_tree(i32 b, i32 labelend) {
    btree_[b] = labelend == -1 ? root_ : btree_[top(vert(labelend))];
    if (forest_) members_[btree_[b]].push_back(b);
  }

  void assign_s(i32 b, i32 labelend) {
    blabel_[b] = kS;
    blabelend_[b] = labelend;
    join_tree(b, labelend);
    touch_blossom(b);
    if (b >= n_) set_zenc(b, +1);
    set_genc(bgrp_[b], +1);
    for_leaves(b, [&](i32 v) { now_s(v); });
  }

  void label_t(i32 b, i32 labelend) {
    blabel_[b] = kT;
    blabelend_[b] = labelend;
    join_tree(b, labelend);
    touch_blossom(b);
    if (b >= n_) {
      set_zenc(b, -1);
      heap_push(h4_, Z_[b] / 2, b);
    }
    set_genc(bgrp_[b], -1);
  }

  void assign_t(i32 b, i32 labelend) {
    label_t(b, labelend);
    const i32 mp = mate_[bbase_[b]];
    assign_s(top(vert(mp)), mp ^ 1);
  }

  void scan(i32 v) {
    const i32 bv = top(v);
    const i64 yv = ytrue(v);
    for (i32 a = start_[v]; a < start_[v + 1]; ++a) {
      const Adj& e = adj_[a];
      const i32 bw = top(e.to);
      if (bw == bv) continue;
      const signed char lab = blabel_[bw];
      if (lab == kS) {
        const i64 s = yv + ytrue(e.to) - e.c;
        heap_push(h3_, D_ + s / 2, e.p >> 1);
      } else if (lab == kFree) {
        offer2(e.p, D_ + yv + ytrue(e.to) - e.c);
      }
    }
  }

  // delta2 keeps one event per unlabelled vertex w: its best edge to an S
  // vertex, smallest (key, endpoint) first, as the heap orders them. The key
  // of an S - unlabelled edge does not move with the clock, so w's best only
  // changes when an S vertex offers a better edge, or when w's or that S
  // vertex's label changes, and then w is rescanned (rescan_unlabelled).
  // Pushing one entry per improvement instead of one per edge keeps the heap
  // small; the event chosen is the same.
  void offer2(i32 q, i64 key) {
    const i32 w = vert(q);
    if (best2_[w] != -1 && (key > best2key_[w] || (key == best2key_[w] && q > best2_[w]))) return;
    if (best2_[w] == -1) best2set_.push_back(w);
    best2_[w] = q;
    best2key_[w] = key;
    heap_push(h2_, key, q);
  }

  void forget2(i32 w) {
    if (best2_[w] == -1) return;
    best2_[w] = -1;
    best2key_[w] = kInf;
  }

  i64 top2() {
    while (!h2_.empty()) {
      const auto [key, q] = h2_.front();
      const i32 w = vert(q);
      if (best2_[w] != q || best2key_[w] != key || blabel_[top(w)] != kFree) {
        heap_pop(h2_);
        continue;
      }
      if (blabel_[top(vert(q ^ 1))] != kS || D_ + ytrue(vert(q ^ 1)) + ytrue(w) - cost_[q >> 1] != key) {
        // Its S end left the forest (dissolve_trees), perhaps to join
        // another tree with another dual. Every edge of w not pushed had a
        // key >= this one, so rescanning w now loses no event.
        heap_pop(h2_);
        rescan_unlabelled(w);
        continue;
      }
      return key;
    }
    return kInf;
  }

  i64 top3() {
    while (!h3_.empty()) {
      const auto [key, k] = h3_.front();
      const i32 bu = top(eu_[k]), bv = top(ev_[k]);
      if (blabel_[bu] != kS || blabel_[bv] != kS || bu == bv) {
        heap_pop(h3_);
        continue;
      }
      const i64 real = D_ + (ytrue(eu_[k]) + ytrue(ev_[k]) - cost_[k]) / 2;
      if (real != key) {
        heap_pop(h3_);
        heap_push(h3_, real, k);
        continue;
      }
      return key;
    }
    return kInf;
  }

  i64 top4() {
    while (!h4_.empty()) {
      const auto [key, b] = h4_.front();
      if (!bused_[b] || bparent_[b] != -1 || blabel_[b] != kT || Z_[b] / 2 != key) {
        heap_pop(h4_);
        continue;
      }
      return key;
    }
    return kInf;
  }

  void search(i32 root) {
    D_ = 0;
    min1key_ = kInf;
    min1v_ = -1;
    root_ = root;
    assign_s(top(root), -1);
    if (!grow()) fail(ErrorCode::internal, "matching: no dual step available");
    finish();
  }

  // Maximum cardinality: every free vertex roots a tree at once, all trees
  // sharing the clock, and there is no delta1 (vertex duals may go below 0).
  // Every free vertex then keeps the same dual, the lowest of all (S duals
  // fall at the rate of the roots', T duals rise, the others stay): the
  // certificate of a maximum-weight matching among those of its size (see
  // certificate_error). The primal-dual step stays the same, so each
  // augmentation is along a maximum-weight augmenting path, and the matching
  // is optimal for its size after every augmentation; it stops at `target`
  // pairs (the maximum cardinality, computed beforehand by the unweighted
  // engine). After an augmentation only the two trees it joined are
  // dissolved; the other trees keep growing, so a tree that never augments
  // (a vertex left free) is grown once, not once per search. Starting from
  // the maximum-weight optimum (free duals 0), the clock never passes the
  // cardinality constant of check_max_cardinality_range: it is the same run as
  // the weight search with that constant added to every weight.
  void grow_forest(std::size_t target) {
    std::size_t pairs = 0;
    for (i32 v = 0; v < n_; ++v)
      if (mate_[v] != -1) ++pairs;
    pairs /= 2;
    if (pairs >= target) return;
    forest_ = true;
    members_.resize(static_cast<std::size_t>(n_));
    D_ = 0;
    min1key_ = kInf;
    min1v_ = -1;
    for (i32 v = 0; v < n_; ++v) {
      if (mate_[v] != -1) continue;
      ++g_stats.searches;
      root_ = v;
      assign_s(top(v), -1);
    }
    while (pairs < target) {
      if (!grow()) fail(ErrorCode::internal, "matching: maximum cardinality not reached");
      ++pairs;
      dissolve_trees();
    }
    forest_ = false;
    members_.clear();
    finish();
  }

  // Runs events until an augmentation (true), or until no event is left in a
  // forest (false).
  bool grow() {
    for (;;) {
      while (!queue_.empty()) {
        const i32 v = queue_.back();
        queue_.pop_back();
        scan(v);
      }
      const i64 k2 = top2(), k3 = top3(), k4 = top4();
      i64 best = min1key_;
      int kind = 1;
      if (k4 <= best) best = k4, kind = 4;
      if (k3 <= best) best = k3, kind = 3;
      if (k2 <= best) best = k2, kind = 2;
      if (best >= kInf) return false;
      if (best < D_) fail(ErrorCode::internal, "matching: dual step back in time");
      D_ = best;
      if (kind == 2) {
        const i32 q = h2_.front().second;
        heap_pop(h2_);
        const i32 w = vert(q);
        const i32 bw = top(w);
        if (mate_[bbase_[bw]] == -1) {
          augmented_[0] = btree_[top(vert(q ^ 1))];
          augmented_[1] = -1;
          if (bw >= n_) augment_blossom(bw, w);
          mate_[w] = q ^ 1;
          augment_from(vert(q ^ 1), q);
          return true;
        }
        assign_t(bw, q ^ 1);
      } else if (kind == 3) {
        const i32 k = h3_.front().second;
        heap_pop(h3_);
        const i32 base = scan_blossom(eu_[k], ev_[k]);
        if (base >= 0) {
          add_blossom(base, k);
          continue;
        }
        // An S-S edge between two trees: the augmenting path joins their roots.
        if (!forest_) fail(ErrorCode::internal, "matching: S-S edge across trees");
        augmented_[0] = btree_[top(eu_[k])];
        augmented_[1] = btree_[top(ev_[k])];
        augment_from(eu_[k], 2 * k + 1);
        augment_from(ev_[k], 2 * k);
        return true;
      } else if (kind == 4) {
        const i32 b = h4_.front().second;
        heap_pop(h4_);
        expand_t(b);
      } else {
        augment_from(min1v_, -1);
        return true;
      }
    }
  }

  // After an augmentation in a forest: the blossoms of the two trees it
  // joined leave the forest unlabelled (their duals frozen at the clock), and
  // their vertices' edges to the remaining S vertices become delta2 events.
  void dissolve_trees() {
    dissolved_.clear();
    for (const i32 t : augmented_) {
      if (t == -1) continue;
      for (const i32 b : members_[t]) {
        // Stale entries: blossoms since nested, expanded, unlabelled or reused.
        if (bparent_[b] != -1 || blabel_[b] == kFree || btree_[b] != t || (b >= n_ && !bused_[b])) continue;
        set_genc(bgrp_[b], 0);
        if (b >= n_) set_zenc(b, 0);
        blabel_[b] = kFree;
        blabelend_[b] = -1;
        dissolved_.push_back(b);
      }
      members_[t].clear();
    }
    for (const i32 b : dissolved_) for_leaves(b, [&](i32 x) { rescan_unlabelled(x); });
  }

  // Flips the tree path from S vertex s (whose new mate endpoint is p, or -1
  // to leave s free) up to the root.
  void augment_from(i32 s, i32 p) {
    for (;;) {
      const i32 bs = top(s);
      if (bs >= n_) augment_blossom(bs, s);
      mate_[s] = p;
      if (blabelend_[bs] == -1) break;
      const i32 t = vert(blabelend_[bs]);
      const i32 bt = top(t);
      s = vert(blabelend_[bt]);
      const i32 j = vert(blabelend_[bt] ^ 1);
      if (bt >= n_) augment_blossom(bt, j);
      mate_[j] = blabelend_[bt];
      p = blabelend_[bt] ^ 1;
    }
  }

  static i32 wrap(i32 j, i32 len) noexcept { return j < 0 ? j + len : (j >= len ? j - len : j); }

  // Re-matches blossom b internally so that its vertex v becomes the base.
  // Iterative (nesting can be thousands deep): each task (blossom, vertex)
  // rotates one blossom and queues the sub-blossoms on its new even path;
  // tasks touch disjoint sub-blossoms, so their order does not matter.
  void augment_blossom(i32 b0, i32 v0) {
    tasks_.clear();
    tasks_.emplace_back(b0, v0);
    while (!tasks_.empty()) {
      const auto [b, v] = tasks_.back();
      tasks_.pop_back();
      i32 t = v;
      while (bparent_[t] != b) t = bparent_[t];
      if (t >= n_) tasks_.emplace_back(t, v);
      auto& ch = bchild_[b];
      auto& ep = bendp_[b];
      const i32 len = static_cast<i32>(ch.size());
      const i32 i = static_cast<i32>(std::find(ch.begin(), ch.end(), t) - ch.begin());
      i32 j = i, jstep, endptrick;
      if (i & 1) {
        j -= len;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      while (j != 0) {
        j += jstep;
        t = ch[wrap(j, len)];
        const i32 p = ep[wrap(j - endptrick, len)] ^ endptrick;
        if (t >= n_) tasks_.emplace_back(t, vert(p));
        j += jstep;
        t = ch[wrap(j, len)];
        if (t >= n_) tasks_.emplace_back(t, vert(p ^ 1));
        mate_[vert(p)] = p ^ 1;
        mate_[vert(p ^ 1)] = p;
      }
      std::rotate(ch.begin(), ch.begin() + i, ch.end());
      std::rotate(ep.begin(), ep.begin() + i, ep.end());
      bbase_[b] = v;
    }
  }

  // Base of the lowest common ancestor blossom of v's and w's top blossoms in
  // the (single) alternating tree.
  i32 scan_blossom(i32 v, i32 w) {
    ++stamp_;
    while (v != -1) {
      i32 b = top(v);
      if (mark_[b] == stamp_) return bbase_[b];
      mark_[b] = stamp_;
      if (blabelend_[b] == -1) {
        v = -1;
      } else {
        v = vert(blabelend_[b]);
        b = top(v);
        v = vert(blabelend_[b]);
      }
      if (w != -1) std::swap(v, w);
    }
    return -1;
  }

  void add_blossom(i32 base, i32 k) {
    i32 v = eu_[k], w = ev_[k];
    const i32 bb = top(base);
    i32 bv = top(v), bw = top(w);
    const i32 b = free_.back();
    free_.pop_back();
    bused_[b] = 1;
    bbase_[b] = base;
    bparent_[b] = -1;
    bparent_[bb] = b;
    auto& path = bchild_[b];
    auto& endps = bendp_[b];
    path.clear();
    endps.clear();
    while (bv != bb) {
      bparent_[bv] = b;
      path.push_back(bv);
      endps.push_back(blabelend_[bv]);
      v = vert(blabelend_[bv]);
      bv = top(v);
    }
    path.push_back(bb);
    std::reverse(path.begin(), path.end());
    std::reverse(endps.begin(), endps.end());
    endps.push_back(2 * k);
    while (bw != bb) {
      bparent_[bw] = b;
      path.push_back(bw);
      endps.push_back(blabelend_[bw] ^ 1);
      w = vert(blabelend_[bw]);
      bw = top(w);
    }
    blabel_[b] = kS;
    blabelend_[b] = blabelend_[bb];
    btree_[b] = btree_[bb];
    if (forest_) members_[btree_[b]].push_back(b);
    Z_[b] = 0;
    zenc_[b] = 0;
    set_zenc(b, +1);
    touch_blossom(b);
    // The largest child keeps its group for the new blossom; the others'
    // vertices move into it.
    i32 owner = path[0];
    i32 size = 0;
    for (const i32 c : path) {
      size += bsize_[c];
      if (bsize_[c] > bsize_[owner]) owner = c;
    }
    bsize_[b] = size;
    bowner_[b] = owner;
    const i32 g = bgrp_[owner];
    const bool owner_was_t = blabel_[owner] == kT;
    set_genc(g, +1);
    if (owner_was_t) for_leaves(owner, [&](i32 x) { now_s(x); });
    for (const i32 c : path) {
      const bool was_t = blabel_[c] == kT;
      if (c >= n_) set_zenc(c, 0);
      blabel_[c] = kFree;
      blabelend_[c] = -1;
      if (c == owner) continue;
      const i32 gc = bgrp_[c];
      for_leaves(c, [&](i32 x) {
        move_leaf(x, g);
        if (was_t) now_s(x);
      });
      bgrp_[c] = -1;
      gfree_.push_back(gc);
    }
    bgrp_[owner] = -1;
    bgrp_[b] = g;
    gtop_[g] = b;
  }

  // Makes the children of blossom b top-level again: the owner child takes
  // back b's group, the others get groups of their own with the same dual
  // offset (so no vertex dual changes).
  void detach_children(i32 b) {
    const i32 g = bgrp_[b];
    for (const i32 c : bchild_[b]) {
      bparent_[c] = -1;
      if (c == bowner_[b]) {
        bgrp_[c] = g;
        gtop_[g] = c;
      } else {
        const i32 h = new_group_like(g);
        bgrp_[c] = h;
        gtop_[h] = c;
        for_leaves(c, [&](i32 x) { vgrp_[x] = h; });
      }
    }
    bgrp_[b] = -1;
  }

  // Expands top-level T blossom b (its dual reached 0) in the middle of a search.
  void expand_t(i32 b) {
    detach_children(b);
    auto& ch = bchild_[b];
    const auto& endps = bendp_[b];
    const i32 len = static_cast<i32>(ch.size());
    const i32 entry = top(vert(blabelend_[b] ^ 1));
    i32 j = static_cast<i32>(std::find(ch.begin(), ch.end(), entry) - ch.begin());
    i32 jstep, endptrick;
    if (j & 1) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    i32 p = blabelend_[b];
    while (j != 0) {
      assign_t(top(vert(p ^ 1)), p);
      j += jstep;
      p = endps[wrap(j - endptrick, len)] ^ endptrick;
      j += jstep;
    }
    label_t(ch[wrap(j, len)], p);
    j += jstep;
    while (ch[wrap(j, len)] != entry) {
      const i32 c = ch[wrap(j, len)];
      if (blabel_[c] == kFree) {
        set_genc(bgrp_[c], 0);
        for_leaves(c, [&](i32 x) { rescan_unlabelled(x); });
      }
      j += jstep;
    }
    recycle(b);
  }

  // x just became unlabelled (or its best delta2 edge left the forest):
  // offer its edges to S vertices as delta2 events.
  void rescan_unlabelled(i32 x) {
    forget2(x);
    const i64 yx = ytrue(x);
    for (i32 a = start_[x]; a < start_[x + 1]; ++a) {
      const Adj& e = adj_[a];
      if (blabel_[top(e.to)] != kS) continue;
      offer2(e.p ^ 1, D_ + ytrue(e.to) + yx - e.c);
    }
  }

  void recycle(i32 b) {
    bchild_[b].clear();
    bendp_[b].clear();
    blabel_[b] = kFree;
    blabelend_[b] = -1;
    bbase_[b] = -1;
    bparent_[b] = -1;
    bgrp_[b] = -1;
    bsize_[b] = 0;
    bowner_[b] = -1;
    Z_[b] = 0;
    zenc_[b] = 0;
    bused_[b] = 0;
    free_.push_back(b);
  }

  // Dissolves a blossom at the end of a search, and (iteratively) its
  // sub-blossoms with zero dual.
  void expand_end(i32 b0) {
    expand_stack_.clear();
    expand_stack_.push_back(b0);
    while (!expand_stack_.empty()) {
      const i32 b = expand_stack_.back();
      expand_stack_.pop_back();
      detach_children(b);
      for (const i32 c : bchild_[b])
        if (c >= n_ && Z_[c] == 0) expand_stack_.push_back(c);
      recycle(b);
    }
  }

  void finish() {
    expand_list_.clear();
    for (const i32 b : touchedB_) {
      if (b >= n_ && bused_[b] && bparent_[b] == -1 && blabel_[b] == kS && ztrue(b) == 0) expand_list_.push_back(b);
    }
    for (const i32 g : touchedG_) {
      gofs_[g] = gtrue(g);
      genc_[g] = 0;
      gtouched_[g] = 0;
    }
    touchedG_.clear();
    for (const i32 b : touchedB_) {
      if (b >= n_ && bused_[b]) set_zenc(b, 0);
      zenc_[b] = 0;
      blabel_[b] = kFree;
      blabelend_[b] = -1;
      btouched_[b] = 0;
    }
    touchedB_.clear();
    D_ = 0;
    for (const i32 b : expand_list_) expand_end(b);
    for (const i32 w : best2set_) forget2(w);
    best2set_.clear();
    h2_.clear();
    h3_.clear();
    h4_.clear();
    queue_.clear();
  }

  i64 common_blossom_dual(i32 u, i32 v) {
    // Blossoms containing both: the common ancestors in the blossom forest.
    ++stamp_;
    for (i32 t = bparent_[u]; t != -1; t = bparent_[t]) mark_[t] = stamp_;
    i32 t = bparent_[v];
    while (t != -1 && mark_[t] != stamp_) t = bparent_[t];
    i64 s = 0;
    for (; t != -1; t = bparent_[t]) s += Z_[t];
    return s;
  }

  i32 n_;
  std::vector<i32> eu_, ev_;
  std::vector<i64> cost_;
  std::vector<i32> start_;
  std::vector<Adj> adj_;

  std::vector<i32> mate_;  // endpoint index at the partner, or -1
  std::vector<i64> y_;     // vertex dual minus its group's offset
  std::vector<i32> vgrp_;  // vertex -> group
  std::vector<i32> gtop_;  // group -> its top-level blossom
  std::vector<i64> gofs_;
  std::vector<signed char> genc_;
  std::vector<char> gtouched_;
  std::vector<i32> gfree_;

  std::vector<i32> bparent_, bbase_, blabelend_, bgrp_, bsize_, bowner_;
  std::vector<signed char> blabel_, zenc_;
  std::vector<char> btouched_, bused_;
  std::vector<i64> Z_;
  std::vector<std::vector<i32>> bchild_, bendp_;
  std::vector<i32> free_;
  std::vector<unsigned> mark_;
  unsigned stamp_ = 0;

  i64 D_ = 0;
  i64 min1key_ = kInf;
  i32 min1v_ = -1;
  // Trees: a labelled blossom's tree is named by its root vertex. In a forest
  // (grow_forest), each tree lists the blossoms it labelled.
  std::vector<i32> btree_;
  i32 root_ = -1;
  bool forest_ = false;
  std::vector<std::vector<i32>> members_;
  i32 augmented_[2] = {-1, -1};
  std::vector<i32> dissolved_;
  // Best delta2 edge of each unlabelled vertex (endpoint at it, -1: none) and
  // its key; best2set_ lists the vertices to reset when the search ends.
  std::vector<i32> best2_;
  std::vector<i64> best2key_;
  std::vector<i32> best2set_;
  std::vector<i32> queue_, touchedG_, touchedB_, expand_list_, expand_stack_, leafstack_;
  std::vector<std::pair<i32, i32>> tasks_;
  std::vector<HeapItem> h2_, h3_, h4_;
};

// ---------------------------------------------------------------------------
// Unweighted (cardinality) blossom engine.

class CardinalitySolver {
 public:
  CardinalitySolver(std::size_t n, const std::vector<WeightedEdge>& edges) : n_(static_cast<i32>(n)) {
    std::vector<i32> deg(n + 1, 0);
    for (const auto& e : edges) {
      ++deg[e.u + 1];
      ++deg[e.v + 1];
    }
    for (std::size_t v = 0; v < n; ++v) deg[v + 1] += deg[v];
    start_.assign(deg.begin(), deg.end());
    adj_.resize(2 * edges.size());
    for (const auto& e : edges) {
      adj_[deg[e.u]++] = static_cast<i32>(e.v);
      adj_[deg[e.v]++] = static_cast<i32>(e.u);
    }
    mate_.assign(n, -1);
    label_.assign(n, -1);
    parent_.assign(n, -1);
    dsu_.resize(n);
    for (i32 v = 0; v < n_; ++v) dsu_[v] = v;
    vis_.assign(n, 0);
    dead_.assign(n, 0);
  }

  void run(const std::vector<i32>* warm, std::size_t target) {
    std::size_t card = 0;
    if (warm != nullptr) {
      mate_ = *warm;
      for (i32 v = 0; v < n_; ++v)
        if (mate_[v] > v) ++card;
    }
    for (i32 v = 0; v < n_; ++v) {
      if (mate_[v] != -1) continue;
      for (i32 a = start_[v]; a < start_[v + 1]; ++a) {
        if (mate_[adj_[a]] == -1) {
          mate_[v] = adj_[a];
          mate_[adj_[a]] = v;
          ++card;
          break;
        }
      }
    }
    for (i32 v = 0; v < n_ && card < target; ++v) {
      if (mate_[v] != -1 || dead_[v] || start_[v] == start_[v + 1]) continue;
      ++g_stats.searches;
      if (bfs(v)) ++card;
    }
  }

  const std::vector<i32>& mates() const { return mate_; }

 private:
  i32 find(i32 x) {
    while (dsu_[x] != x) {
      dsu_[x] = dsu_[dsu_[x]];
      x = dsu_[x];
    }
    return x;
  }

  i32 lca(i32 a, i32 b) {
    ++stamp_;
    for (;;) {
      if (a != -1) {
        if (vis_[a] == stamp_) return a;
        vis_[a] = stamp_;
        a = mate_[a] == -1 ? -1 : find(parent_[mate_[a]]);
      }
      std::swap(a, b);
    }
  }

  void mark_path(i32 v, i32 child, i32 a) {
    while (find(v) != a) {
      const i32 mv = mate_[v];
      parent_[v] = child;
      merge_.push_back(find(v));
      merge_.push_back(find(mv));
      if (label_[mv] == 1) {
        label_[mv] = 0;
        queue_.push_back(mv);
      }
      child = mv;
      v = parent_[mv];
    }
  }

  void visit(i32 v) { visited_.push_back(v); }

  bool bfs(i32 root) {
    queue_.clear();
    visited_.clear();
    label_[root] = 0;
    visit(root);
    queue_.push_back(root);
    bool found = false;
    for (std::size_t qi = 0; qi < queue_.size() && !found; ++qi) {
      const i32 v = queue_[qi];
      for (i32 a = start_[v]; a < start_[v + 1]; ++a) {
        const i32 w = adj_[a];
        if (dead_[w]) continue;
        if (label_[w] == -1) {
          if (mate_[w] == -1) {
            parent_[w] = v;
            augment(w);
            found = true;
            break;
          }
          label_[w] = 1;
          parent_[w] = v;
          visit(w);
          const i32 mw = mate_[w];
          label_[mw] = 0;
          visit(mw);
          queue_.push_back(mw);
        } else if (label_[w] == 0) {
          const i32 fv = find(v), fw = find(w);
          if (fv == fw) continue;
          const i32 a0 = lca(fv, fw);
          merge_.clear();
          mark_path(v, w, a0);
          mark_path(w, v, a0);
          for (const i32 x : merge_)
            if (x != a0) dsu_[x] = a0;
        }
      }
    }
    for (const i32 x : visited_) {
      label_[x] = -1;
      dsu_[x] = x;
      if (!found) dead_[x] = 1;
    }
    return found;
  }

  void augment(i32 w) {
    while (w != -1) {
      const i32 pv = parent_[w];
      const i32 ppv = mate_[pv];
      mate_[w] = pv;
      mate_[pv] = w;
      w = ppv;
    }
  }

  i32 n_;
  std::vector<i32> start_, adj_;
  std::vector<i32> mate_, label_, parent_, dsu_;
  std::vector<unsigned> vis_;
  unsigned stamp_ = 0;
  std::vector<char> dead_;
  std::vector<i32> queue_, visited_, merge_;
};

// ---------------------------------------------------------------------------
// Dense path: pricing over the strongest candidates of each vertex.

constexpr std::size_t kDenseAverageDegree = 48;  // above this, price
constexpr std::size_t kPricingPerVertex = 10;    // initial candidates per vertex

std::size_t pair_count(const std::vector<i32>& mate) {
  std::size_t c = 0;
  for (std::size_t v = 0; v < mate.size(); ++v)
    if (mate[v] > static_cast<i32>(v)) ++c;
  return c;
}

// max_matching == nullptr: maximum weight. Otherwise maximum cardinality
// first, and *max_matching is a maximum-cardinality matching of the solver's
// edges (mate[]): its size is the target of run_max_cardinality.
void run_solver(WeightedSolver& solver, const std::vector<i32>* max_matching) {
  if (max_matching == nullptr) {
    solver.run();
  } else {
    solver.run_max_cardinality(pair_count(*max_matching));
  }
}

// Index of the canonical edge {u, v}, u < v (present).
std::size_t edge_index(const std::vector<WeightedEdge>& edges, std::uint32_t u, std::uint32_t v) {
  const WeightedEdge key{u, v, 0};
  return static_cast<std::size_t>(
      std::lower_bound(edges.begin(), edges.end(), key,
                       [](const WeightedEdge& x, const WeightedEdge& y) { return x.u < y.u || (x.u == y.u && x.v < y.v); }) -
      edges.begin());
}

// max_matching != nullptr: maximum cardinality first (see run_solver). Its
// pairs are candidates from the first round, so that every candidate set
// admits as many pairs as the full list: the certificate of
// run_max_cardinality (a maximum-weight matching among those of its size)
// checked against every input edge then proves the full optimum.
std::vector<i32> solve_priced(std::size_t n, const std::vector<WeightedEdge>& edges,
                              const std::vector<i32>* max_matching) {
  const std::size_t m = edges.size();
  const std::size_t K = kPricingPerVertex;
  // Top-K incident edges per vertex by (weight desc, edge index asc).
  std::vector<i32> top(n * K, -1);
  std::vector<unsigned char> cnt(n, 0);
  auto offer = [&](std::size_t v, i32 k) {
    i32* t = &top[v * K];
    std::size_t c = cnt[v];
    const i64 w = edges[k].weight;
    if (c == K && edges[t[K - 1]].weight >= w) return;
    std::size_t pos = c == K ? K - 1 : c;
    while (pos > 0 && edges[t[pos - 1]].weight < w) {
      t[pos] = t[pos - 1];
      --pos;
    }
    t[pos] = k;
    if (c < K) cnt[v] = static_cast<unsigned char>(c + 1);
  };
  for (std::size_t k = 0; k < m; ++k) {
    offer(edges[k].u, static_cast<i32>(k));
    offer(edges[k].v, static_cast<i32>(k));
  }
  std::vector<char> in(m, 0);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t c = 0; c < cnt[v]; ++c) in[top[v * K + c]] = 1;
  if (max_matching != nullptr)
    for (std::size_t v = 0; v < n; ++v)
      if ((*max_matching)[v] > static_cast<i32>(v))
        in[edge_index(edges, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>((*max_matching)[v]))] = 1;
  top.clear();
  top.shrink_to_fit();
  std::vector<WeightedEdge> sub;
  for (;;) {
    ++g_stats.pricing_rounds;
    sub.clear();
    for (std::size_t k = 0; k < m; ++k)
      if (in[k]) sub.push_back(edges[k]);
    WeightedSolver solver(n, sub);
    run_solver(solver, max_matching);
    std::size_t added = 0;
    for (std::size_t k = 0; k < m; ++k) {
      if (in[k]) continue;
      const auto& e = edges[k];
      if (solver.slack(static_cast<i32>(e.u), static_cast<i32>(e.v), e.weight) < 0) {
        in[k] = 1;
        ++added;
      }
    }
    if (added == 0) {
      g_stats.priced_edges = sub.size();
      return solver.partners();
    }
  }
}

// a * b >= limit, without overflow (a, b, limit >= 0).
bool product_at_least(std::uint64_t a, std::uint64_t b, std::uint64_t limit) {
  if (limit == 0) return true;
  if (a == 0 || b == 0) return false;
  return a >= (limit + b - 1) / b;
}

std::string edge_text(std::uint32_t u, std::uint32_t v) {
  return "(" + std::to_string(u) + ", " + std::to_string(v) + ")";
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

std::int64_t score_to_weight(double score, int fraction_bits) {
  if (fraction_bits < 0 || fraction_bits > 52)
    fail(ErrorCode::invalid_argument, "fraction bits must be in [0, 52], got " + std::to_string(fraction_bits));
  if (std::isnan(score)) fail(ErrorCode::invalid_argument, "score is NaN; a matching weight must be a number >= 0");
  if (score < 0.0)
    fail(ErrorCode::invalid_argument,
         "score " + std::to_string(score) + " is negative; a matching weight must be >= 0");
  const double limit = static_cast<double>(kMaxMatchingWeight) / static_cast<double>(std::uint64_t{1} << fraction_bits);
  if (!(score <= limit)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", score);
    char lim[64];
    std::snprintf(lim, sizeof lim, "%.17g", limit);
    fail(ErrorCode::invalid_argument, std::string("score ") + buf +
                                          " is out of range for a matching weight (at most " + lim + " at " +
                                          std::to_string(fraction_bits) + " fraction bits)");
  }
  return scale_round(score, fraction_bits);
}

double weight_to_score(std::int64_t weight, int fraction_bits) noexcept {
  return std::ldexp(static_cast<double>(weight), -fraction_bits);
}

std::vector<WeightedEdge> canonical_edges(std::size_t n, const WeightedEdge* edges, std::size_t m) {
  if (n > kMaxMatchingVertices)
    fail(ErrorCode::too_large, "too many vertices for a matching: " + std::to_string(n) + " (at most " +
                                   std::to_string(kMaxMatchingVertices) + ")");
  if (m > kMaxMatchingEdges)
    fail(ErrorCode::too_large, "too many candidate pairs for a matching: " + std::to_string(m) + " (at most " +
                                   std::to_string(kMaxMatchingEdges) + ")");
  std::vector<WeightedEdge> out(m);
  bool sorted = true;
  i64 maxw = 0;
  for (std::size_t k = 0; k < m; ++k) {
    WeightedEdge e = edges[k];
    if (e.u >= n || e.v >= n)
      fail(ErrorCode::invalid_argument, "pair " + edge_text(e.u, e.v) + ": vertex " +
                                            std::to_string(std::max(e.u, e.v)) + " is out of range (" +
                                            std::to_string(n) + " vertices)");
    if (e.u == e.v)
      fail(ErrorCode::invalid_argument, "self-pair " + edge_text(e.u, e.v) + ": a person cannot pair with themself");
    if (e.weight < 0)
      fail(ErrorCode::invalid_argument,
           "pair " + edge_text(e.u, e.v) + " has negative weight " + std::to_string(e.weight));
    if (e.weight > kMaxMatchingWeight)
      fail(ErrorCode::invalid_argument, "pair " + edge_text(e.u, e.v) + " has weight " + std::to_string(e.weight) +
                                            " above the limit " + std::to_string(kMaxMatchingWeight));
    if (e.u > e.v) std::swap(e.u, e.v);
    maxw = std::max(maxw, e.weight);
    if (k > 0 && sorted) {
      const auto& p = out[k - 1];
      if (!(p.u < e.u || (p.u == e.u && p.v <= e.v))) sorted = false;
    }
    out[k] = e;
  }
  // Any matching's total must fit comfortably in 64 bits.
  if (product_at_least(std::min<std::size_t>(n / 2, m), static_cast<std::uint64_t>(maxw), std::uint64_t{1} << 62))
    fail(ErrorCode::too_large, "weights too large for " + std::to_string(n) +
                                   " vertices: a matching total could overflow 64 bits");
  if (!sorted) {
    // Two stable counting-sort passes: by v, then by u.
    std::vector<WeightedEdge> tmp(m);
    std::vector<std::size_t> count(n + 1);
    std::fill(count.begin(), count.end(), 0);
    for (const auto& e : out) ++count[e.v + 1];
    for (std::size_t i = 0; i < n; ++i) count[i + 1] += count[i];
    for (const auto& e : out) tmp[count[e.v]++] = e;
    std::fill(count.begin(), count.end(), 0);
    for (const auto& e : tmp) ++count[e.u + 1];
    for (std::size_t i = 0; i < n; ++i) count[i + 1] += count[i];
    for (const auto& e : tmp) out[count[e.u]++] = e;
  }
  std::size_t w = 0;
  for (std::size_t k = 0; k < m; ++k) {
    if (w > 0 && out[w - 1].u == out[k].u && out[w - 1].v == out[k].v) {
      if (out[w - 1].weight != out[k].weight)
        fail(ErrorCode::invalid_argument, "pair " + edge_text(out[k].u, out[k].v) +
                                              " is given twice with different weights (" +
                                              std::to_string(std::min(out[w - 1].weight, out[k].weight)) + " and " +
                                              std::to_string(std::max(out[w - 1].weight, out[k].weight)) + ")");
      continue;
    }
    out[w++] = out[k];
  }
  out.resize(w);
  return out;
}

namespace detail {

MatchingStats last_matching_stats() noexcept { return g_stats; }

Matching make_matching(std::size_t n, const std::vector<WeightedEdge>& canonical, const std::vector<i32>& mate) {
  Matching r;
  r.mate = mate;
  r.mate.resize(n, -1);
  bool first = true;
  for (std::size_t a = 0; a < n; ++a) {
    const i32 b = r.mate[a];
    if (b < 0 || static_cast<std::size_t>(b) <= a) continue;
    const WeightedEdge key{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 0};
    auto it = std::lower_bound(canonical.begin(), canonical.end(), key, [](const WeightedEdge& x, const WeightedEdge& y) {
      return x.u < y.u || (x.u == y.u && x.v < y.v);
    });
    if (it == canonical.end() || it->u != key.u || it->v != key.v)
      fail(ErrorCode::internal, "matching: matched pair is not a candidate");
    r.pairs.emplace_back(key.u, key.v);
    r.weights.push_back(it->weight);
    r.total += it->weight;
    r.min_weight = first ? it->weight : std::min(r.min_weight, it->weight);
    first = false;
  }
  return r;
}

std::vector<i32> solve_max_weight_plain(std::size_t n, const std::vector<WeightedEdge>& canonical) {
  WeightedSolver s(n, canonical);
  s.run();
  return s.partners();
}

std::vector<i32> solve_max_weight_certified(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                            std::string* error, bool max_cardinality) {
  WeightedSolver s(n, canonical);
  if (max_cardinality) {
    check_max_cardinality_range(n, canonical);
    const std::vector<i32> card = solve_max_cardinality(n, canonical);
    run_solver(s, &card);
  } else {
    run_solver(s, nullptr);
  }
  *error = s.certificate_error(max_cardinality);
  return s.partners();
}

namespace {

std::vector<i32> solve_weighted(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                const std::vector<i32>* max_matching) {
  g_stats = MatchingStats{};
  if (n >= 64 && canonical.size() > n * kDenseAverageDegree / 2) return solve_priced(n, canonical, max_matching);
  WeightedSolver s(n, canonical);
  run_solver(s, max_matching);
  return s.partners();
}

}  // namespace

std::vector<i32> solve_max_weight(std::size_t n, const std::vector<WeightedEdge>& canonical) {
  return solve_weighted(n, canonical, nullptr);
}

std::vector<i32> solve_max_cardinality(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                       const std::vector<i32>* warm) {
  CardinalitySolver s(n, canonical);
  s.run(warm, n / 2);
  return s.mates();
}

void check_max_cardinality_range(std::size_t n, const std::vector<WeightedEdge>& canonical) {
  // The forest of run_max_cardinality moves the duals by at most C = (pairs)
  // * maxw + 1, the constant that would make one more pair worth more than
  // any difference in weight (see grow_forest); (pairs + 1) * maxw + 1 < 2^58
  // keeps every dual, slack and clock value far inside 64 bits.
  i64 maxw = 0;
  for (const auto& e : canonical) maxw = std::max(maxw, e.weight);
  const std::uint64_t pairs = std::min<std::size_t>(n / 2, canonical.size());
  if (product_at_least(pairs + 1, static_cast<std::uint64_t>(maxw), (std::uint64_t{1} << 58) - 1))
    fail(ErrorCode::too_large, "weights too large for a maximum-cardinality matching of " + std::to_string(n) +
                                   " vertices (the dual values could overflow 64 bits)");
}

std::vector<i32> solve_max_cardinality_max_weight(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                                  const std::vector<i32>* max_matching) {
  check_max_cardinality_range(n, canonical);
  if (max_matching != nullptr) return solve_weighted(n, canonical, max_matching);
  const std::vector<i32> card = solve_max_cardinality(n, canonical);
  return solve_weighted(n, canonical, &card);
}

}  // namespace detail

Matching max_weight_matching(std::size_t n, const WeightedEdge* edges, std::size_t m, bool max_cardinality) {
  std::vector<WeightedEdge> canon = canonical_edges(n, edges, m);
  if (max_cardinality) return detail::make_matching(n, canon, detail::solve_max_cardinality_max_weight(n, canon));
  std::vector<WeightedEdge> positive;
  positive.reserve(canon.size());
  for (const auto& e : canon)
    if (e.weight > 0) positive.push_back(e);
  return detail::make_matching(n, canon, detail::solve_max_weight(n, positive));
}

Matching max_cardinality_matching(std::size_t n, const WeightedEdge* edges, std::size_t m) {
  std::vector<WeightedEdge> canon = canonical_edges(n, edges, m);
  g_stats = detail::MatchingStats{};
  return detail::make_matching(n, canon, detail::solve_max_cardinality(n, canon));
}

}  // namespace rcp
