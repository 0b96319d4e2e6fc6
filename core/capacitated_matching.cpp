// reciprocity core: capacitated matching by the epsilon-scaling auction. See
// capacitated_matching.hpp for the problem, exactness and tie-breaks.
#include "capacitated_matching.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <utility>

#include "error.hpp"
#include "fixed_point.hpp"
#include "id_index.hpp"

namespace rcp {
namespace {

using i64 = std::int64_t;
constexpr i64 kNegInf = std::numeric_limits<i64>::min() / 4;
constexpr i64 kMaxScaled = i64{1} << 58;
constexpr int kDummy = -2;
constexpr int kNone = -1;

class Auction {
 public:
  Auction(const std::vector<i64>& capacity, int mentees, const std::vector<TransportArc>& arcs) : n_(mentees) {
    m_ = static_cast<int>(capacity.size());
    // Mentee-major CSR, arcs sorted by (mentee, mentor), weights > 0 only.
    std::vector<TransportArc> a;
    a.reserve(arcs.size());
    for (const auto& x : arcs) {
      if (x.mentee < 0 || x.mentee >= n_)
        fail(ErrorCode::invalid_argument, "arc mentee " + std::to_string(x.mentee) + " out of range");
      if (x.mentor < 0 || x.mentor >= m_)
        fail(ErrorCode::invalid_argument, "arc mentor " + std::to_string(x.mentor) + " out of range");
      if (capacity[x.mentor] < 0) fail(ErrorCode::invalid_argument, "negative capacity");
      if (x.weight > 0 && capacity[x.mentor] > 0) a.push_back(x);  // a mentor without room gets no bids
    }
    auto by_key = [](const TransportArc& u, const TransportArc& v) {
      return std::tie(u.mentee, u.mentor) < std::tie(v.mentee, v.mentor);
    };
    if (!std::is_sorted(a.begin(), a.end(), by_key)) std::sort(a.begin(), a.end(), by_key);
    for (std::size_t k = 1; k < a.size(); ++k)
      if (a[k].mentee == a[k - 1].mentee && a[k].mentor == a[k - 1].mentor)
        fail(ErrorCode::invalid_argument, "arc (mentee " + std::to_string(a[k].mentee) + ", mentor " +
                                              std::to_string(a[k].mentor) + ") given twice");
    const i64 K = static_cast<i64>(n_) + 1;
    i64 maxw = 0;
    for (const auto& x : a) maxw = std::max(maxw, x.weight);
    if (maxw > 0 && maxw > kMaxScaled / K)
      fail(ErrorCode::too_large, "weights too large for exact capacitated matching (max weight * (mentees + 1) > 2^58)");
    max_a_ = maxw * K;

    off_.assign(static_cast<std::size_t>(n_) + 1, 0);
    to_.resize(a.size());
    w_.resize(a.size());
    std::vector<int> indeg(m_, 0);
    for (std::size_t k = 0; k < a.size(); ++k) {
      ++off_[a[k].mentee + 1];
      to_[k] = a[k].mentor;
      w_[k] = a[k].weight * K;
      ++indeg[a[k].mentor];
    }
    for (int i = 0; i < n_; ++i) off_[i + 1] += off_[i];
    // Mentor-major (transposed) CSR for the reverse steps.
    in_off_.assign(static_cast<std::size_t>(m_) + 1, 0);
    for (int j = 0; j < m_; ++j) in_off_[j + 1] = in_off_[j] + indeg[j];
    in_from_.resize(a.size());
    in_w_.resize(a.size());
    {
      std::vector<int> fill(in_off_.begin(), in_off_.end() - 1);
      for (int i = 0; i < n_; ++i)
        for (int k = off_[i]; k < off_[i + 1]; ++k) {
          int j = to_[k];
          in_from_[fill[j]] = i;
          in_w_[fill[j]] = w_[k];
          ++fill[j];
        }
    }
    // Slots: min(capacity, in-degree) per mentor.
    slot_off_.assign(static_cast<std::size_t>(m_) + 1, 0);
    for (int j = 0; j < m_; ++j) {
      if (capacity[j] < 0) fail(ErrorCode::invalid_argument, "negative capacity");
      i64 c = std::min<i64>(capacity[j], indeg[j]);
      slot_off_[j + 1] = slot_off_[j] + static_cast<int>(c);
    }
    const int S = slot_off_[m_];
    price_.assign(S, 0);
    holder_.assign(S, kNone);
    heap_.resize(S);
    hpos_.resize(S);
    slot_mentor_.resize(S);
    for (int j = 0; j < m_; ++j)
      for (int s = slot_off_[j]; s < slot_off_[j + 1]; ++s) {
        heap_[s] = s;
        hpos_[s] = s;
        slot_mentor_[s] = j;
      }
    minp_.assign(m_, 0);
    dprice_.assign(n_, 0);
    obj_.assign(n_, kNone);
    profit_.assign(n_, 0);
  }

  std::vector<int> run() {
    if (n_ == 0) return {};
    // Epsilon-scaling: from about max weight / alpha down to 1.
    const i64 alpha = 8;  // measured: 4 and 16 are slightly slower, 32+ much slower
    i64 eps = std::max<i64>(1, max_a_ / alpha);
    while (true) {
      forward_phase(eps);
      reverse_fixup(eps);
      if (eps == 1) break;
      eps = std::max<i64>(1, eps / alpha);
    }
    std::vector<int> out(n_, -1);
    for (int i = 0; i < n_; ++i) {
      if (obj_[i] == kNone) fail(ErrorCode::internal, "capacitated matching: a mentee ended unassigned");
      if (obj_[i] >= 0) out[i] = slot_mentor_[obj_[i]];
    }
    return out;
  }

 private:
  // ---- per-mentor min-heaps of slot prices (ties: smaller slot index) ----
  bool less(int s, int t) const { return price_[s] < price_[t] || (price_[s] == price_[t] && s < t); }
  void sift_down(int j, int s) {
    const int base = slot_off_[j], cnt = slot_off_[j + 1] - base;
    int p = hpos_[s] - base;
    while (true) {
      int c = 2 * p + 1;
      if (c >= cnt) break;
      if (c + 1 < cnt && less(heap_[base + c + 1], heap_[base + c])) ++c;
      if (!less(heap_[base + c], s)) break;
      heap_[base + p] = heap_[base + c];
      hpos_[heap_[base + p]] = base + p;
      p = c;
    }
    heap_[base + p] = s;
    hpos_[s] = base + p;
    minp_[j] = price_[heap_[base]];
  }
  void sift_up(int j, int s) {
    const int base = slot_off_[j];
    int p = hpos_[s] - base;
    while (p > 0) {
      int q = (p - 1) / 2;
      if (!less(s, heap_[base + q])) break;
      heap_[base + p] = heap_[base + q];
      hpos_[heap_[base + p]] = base + p;
      p = q;
    }
    heap_[base + p] = s;
    hpos_[s] = base + p;
    minp_[j] = price_[heap_[base]];
  }
  i64 second_min_price(int j) const {
    const int base = slot_off_[j], cnt = slot_off_[j + 1] - base;
    if (cnt < 2) return std::numeric_limits<i64>::max();
    i64 p = price_[heap_[base + 1]];
    if (cnt > 2) p = std::min(p, price_[heap_[base + 2]]);
    return p;
  }

  // ---- forward auction: every mentee bids until all are assigned --------
  // A phase starts from the previous assignment, minus the mentees that are
  // not within eps of their best choice at the current prices (the forward
  // auction only needs every assigned mentee to be eps-happy).
  void forward_phase(i64 eps) {
    queue_.clear();
    for (int i = 0; i < n_; ++i) {
      if (obj_[i] != kNone && happy(i, eps)) continue;
      if (obj_[i] >= 0) holder_[obj_[i]] = kNone;
      obj_[i] = kNone;
      queue_.push_back(i);
    }
    std::size_t head = 0;
    while (head < queue_.size()) {
      int i = queue_[head++];
      if (head > static_cast<std::size_t>(n_) && head * 2 > queue_.size()) {  // compact the queue
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head));
        head = 0;
      }
      bid(i, eps);
    }
    queue_.clear();
  }

  bool happy(int i, i64 eps) const {
    const int s = obj_[i];
    i64 mine = 0, best = -dprice_[i];
    int sj = -1;
    if (s >= 0) {
      sj = slot_mentor_[s];
      best = kNegInf;
    } else {
      mine = -dprice_[i];
      best = kNegInf;
    }
    for (int k = off_[i], end = off_[i + 1]; k < end; ++k) {
      const int j = to_[k];
      i64 p = minp_[j];
      if (j == sj) {
        mine = w_[k] - price_[s];
        if (heap_[slot_off_[j]] == s) {
          p = second_min_price(j);
          if (p == std::numeric_limits<i64>::max()) continue;
        }
      }
      best = std::max(best, w_[k] - p);
    }
    if (s >= 0) best = std::max(best, -dprice_[i]);
    return mine >= best - eps;
  }

  void bid(int i, i64 eps) {
    i64 best1 = -dprice_[i], best2 = kNegInf;
    int bestk = -1;
    const int* to = to_.data();
    const i64* w = w_.data();
    const i64* minp = minp_.data();
    for (int k = off_[i], end = off_[i + 1]; k < end; ++k) {
      i64 v = w[k] - minp[to[k]];
      if (v > best1) {
        best2 = best1;
        best1 = v;
        bestk = k;
      } else if (v > best2) {
        best2 = v;
      }
    }
    if (bestk < 0) {  // the "unmatched" object is best
      if (best2 != kNegInf) dprice_[i] = -best2 + eps;
      obj_[i] = kDummy;
      profit_[i] = -dprice_[i];
      check_price(dprice_[i]);
      return;
    }
    const int j = to[bestk];
    i64 m2 = second_min_price(j);
    if (m2 != std::numeric_limits<i64>::max()) best2 = std::max(best2, w[bestk] - m2);
    const int s = heap_[slot_off_[j]];
    price_[s] = w[bestk] - best2 + eps;
    check_price(price_[s]);
    const int old = holder_[s];
    holder_[s] = i;
    obj_[i] = s;
    profit_[i] = best2 - eps;
    sift_down(j, s);
    if (old >= 0) {
      obj_[old] = kNone;
      queue_.push_back(old);
    }
  }

  void check_price(i64 p) const {
    if (p > (i64{1} << 61) || p < -(i64{1} << 61))
      fail(ErrorCode::internal, "capacitated matching: price out of range");
  }

  // ---- reverse steps on empty objects priced above lambda ---------------
  void reverse_fixup(i64 eps) {
    i64 lambda = std::numeric_limits<i64>::max();
    bool any = false;
    for (int s = 0; s < static_cast<int>(price_.size()); ++s)
      if (holder_[s] >= 0) lambda = std::min(lambda, price_[s]), any = true;
    for (int i = 0; i < n_; ++i)
      if (obj_[i] == kDummy) lambda = std::min(lambda, dprice_[i]), any = true;
    if (!any) return;
    // Work list: slot s as s, the dummy of mentee i as ~i.
    std::vector<int> work;
    for (int s = 0; s < static_cast<int>(price_.size()); ++s)
      if (holder_[s] < 0 && price_[s] > lambda) work.push_back(s);
    for (int i = 0; i < n_; ++i)
      if (obj_[i] != kDummy && dprice_[i] > lambda) work.push_back(~i);
    std::size_t steps = 0;
    const std::size_t limit = std::size_t{1} << 40;
    while (!work.empty()) {
      if (++steps > limit) fail(ErrorCode::internal, "capacitated matching: reverse auction did not converge");
      int o = work.back();
      work.pop_back();
      if (o >= 0) {
        if (holder_[o] < 0 && price_[o] > lambda) reverse_slot(o, lambda, eps, work);
      } else {
        const int i = ~o;
        if (obj_[i] == kDummy || dprice_[i] <= lambda) continue;
        i64 beta = -profit_[i];
        if (lambda >= beta - eps) {
          dprice_[i] = lambda;
          continue;
        }
        release(i, lambda, work);
        dprice_[i] = lambda;
        obj_[i] = kDummy;
        profit_[i] = -lambda;
      }
    }
  }
  // The reverse step on the empty slot s (priced above lambda) of mentor j:
  // the mentee i with the best value a_ij - profit_i takes it, at the second
  // best value minus eps. A mentee already on another slot of j has for value
  // its slot's price; when it is the best, it moves to s, leaves its own slot
  // empty above lambda, and the step repeats on that slot at once (the work
  // list is a stack). On a complete instance most steps are such moves within
  // one mentor, and they leave every other mentee's value as it was: so the
  // arcs of j are scanned once, for the best two mentees not on j (those on j
  // are hidden by a huge profit meanwhile), and the moves within j are played
  // out from the slot prices. The outcome is that of scanning every time.
  void reverse_slot(int s, i64 lambda, i64 eps, std::vector<int>& work) {
    const int j = slot_mentor_[s];
    const int first = slot_off_[j], last = slot_off_[j + 1];
    constexpr i64 kHidden = i64{1} << 62;  // a_ij - profit - kHidden <= kNegInf: never chosen
    for (int t = first; t < last; ++t)
      if (holder_[t] >= 0) profit_[holder_[t]] += kHidden;
    i64 beta = kNegInf, omega = kNegInf, abest = 0;
    int ib = -1;
    for (int k = in_off_[j]; k < in_off_[j + 1]; ++k) {
      i64 v = in_w_[k] - profit_[in_from_[k]];
      if (v > beta) {
        omega = beta;
        beta = v;
        ib = in_from_[k];
        abest = in_w_[k];
      } else if (v > omega) {
        omega = v;
      }
    }
    for (int t = first; t < last; ++t)
      if (holder_[t] >= 0) profit_[holder_[t]] -= kHidden;
    while (true) {
      // The best and second best values over the mentees off j and those on
      // j; ties go to the smaller mentee index (the order of the arcs).
      i64 b1 = beta, b2 = omega;
      int win = ib, win_slot = -1;
      for (int t = first; t < last; ++t) {
        const int h = holder_[t];
        if (h < 0) continue;
        const i64 v = price_[t];
        if (v > b1 || (v == b1 && h < win)) {
          b2 = b1;
          b1 = v;
          win = h;
          win_slot = t;
        } else if (v > b2) {
          b2 = v;
        }
      }
      if (win < 0 || lambda >= b1 - eps) {
        price_[s] = lambda;
        sift_up(j, s);
        return;
      }
      const i64 np = b2 == kNegInf ? lambda : std::max(lambda, b2 - eps);
      const i64 a = win_slot >= 0 ? price_[win_slot] + profit_[win] : abest;
      if (win_slot >= 0) {
        holder_[win_slot] = kNone;  // priced b1 > lambda: the next slot to fill
      } else {
        release(win, lambda, work);
      }
      price_[s] = np;
      holder_[s] = win;
      obj_[win] = s;
      profit_[win] = a - np;
      sift_up(j, s);
      if (win_slot < 0) return;
      s = win_slot;
    }
  }

  // Mentee i leaves its object; an object left empty above lambda is queued.
  void release(int i, i64 lambda, std::vector<int>& work) {
    int old = obj_[i];
    if (old >= 0) {
      holder_[old] = kNone;
      if (price_[old] > lambda) work.push_back(old);
    } else if (old == kDummy) {
      if (dprice_[i] > lambda) work.push_back(~i);
    }
    obj_[i] = kNone;
  }

  int n_ = 0, m_ = 0;
  i64 max_a_ = 0;
  std::vector<int> off_, to_;
  std::vector<i64> w_;
  std::vector<int> in_off_, in_from_;
  std::vector<i64> in_w_;
  std::vector<int> slot_off_, holder_, heap_, hpos_, slot_mentor_;
  std::vector<i64> price_, minp_;
  std::vector<i64> dprice_, profit_;
  std::vector<int> obj_;
  std::vector<int> queue_;
};

std::string pair_name(std::int64_t mentor, std::int64_t mentee) {
  return "candidate pair (mentor " + std::to_string(mentor) + ", mentee " + std::to_string(mentee) + ")";
}

}  // namespace

std::int64_t capacitated_fixed_weight(double score, int bits) { return scale_round(score, bits); }

std::vector<int> max_weight_capacitated(const std::vector<std::int64_t>& capacity, int mentees,
                                        const std::vector<TransportArc>& arcs) {
  if (mentees < 0) fail(ErrorCode::invalid_argument, "negative number of mentees");
  return Auction(capacity, mentees, arcs).run();
}

CapacitatedResult capacitated_matching(const std::vector<MentorCapacity>& mentors,
                                       const std::vector<MentorMenteeCandidate>& candidates,
                                       const CapacitatedOptions& options) {
  if (options.fixed_point_bits < 1 || options.fixed_point_bits > 52)
    fail(ErrorCode::invalid_argument,
         "fixed_point_bits must be in [1, 52], got " + std::to_string(options.fixed_point_bits));
  if (candidates.size() >= static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
      mentors.size() >= static_cast<std::size_t>(std::numeric_limits<int>::max()))
    fail(ErrorCode::too_large, "too many candidate pairs for capacitated matching");
  // Mentors by id.
  std::vector<MentorCapacity> ms(mentors);
  std::sort(ms.begin(), ms.end(), [](const MentorCapacity& u, const MentorCapacity& v) { return u.id < v.id; });
  for (std::size_t k = 0; k < ms.size(); ++k) {
    if (ms[k].capacity < 1)
      fail(ErrorCode::invalid_argument, "mentor " + std::to_string(ms[k].id) + ": capacity " +
                                            std::to_string(ms[k].capacity) + " is below 1");
    if (k > 0 && ms[k].id == ms[k - 1].id)
      fail(ErrorCode::invalid_argument, "mentor " + std::to_string(ms[k].id) + " is listed twice");
  }
  std::vector<std::int64_t> mentor_ids(ms.size());
  for (std::size_t j = 0; j < ms.size(); ++j) mentor_ids[j] = ms[j].id;
  const IdIndex mentor_index(mentor_ids);  // ms is sorted and unique: index j is ms[j]

  // One pass over the rows: validate each, in input order (the first bad row
  // is reported); number the mentees as they appear; keep the rows with a
  // positive score. A row of score 0 is never used, and in a complete
  // instance most rows are 0: copying and sorting them was most of the
  // preparation. What such a row can still do is clash with a positive row of
  // the same pair ("given twice with different scores"), so while the
  // (mentee, mentor) grid is small next to the number of rows, 2 bits per
  // cell record whether the pair was seen at 0 and whether above 0. On a
  // clash, or once the grid would outgrow its budget, the zero rows are kept
  // too and the duplicate check below sees every row.
  struct Rec {
    int mentee;  // first-seen index, then index by id
    int mentor;
    double score;
  };
  const std::size_t M = ms.size();
  const std::size_t grid_budget = 8 * candidates.size() + 4096;  // cells: at most 2 bytes per row
  bool grid_on = true, clash = false;
  std::vector<std::uint64_t> grid;
  std::vector<Rec> recs;
  IdInterner mentees;
  double max_score = 0.0;
  auto keep_zero_rows = [&](std::size_t end) {  // rows [0, end), already validated
    for (std::size_t k = 0; k < end; ++k) {
      const auto& p = candidates[k];
      if (!(p.score > 0))
        recs.push_back({static_cast<int>(mentees.intern(p.mentee)), static_cast<int>(mentor_index.find(p.mentor)),
                        p.score});
    }
  };
  std::int64_t run_mentee = 0;  // the previous row's mentee: rows often come grouped by mentee
  for (std::size_t k = 0, i = IdInterner::npos; k < candidates.size(); ++k) {
    const auto& p = candidates[k];
    if (p.mentor == p.mentee) fail(ErrorCode::invalid_argument, pair_name(p.mentor, p.mentee) + " is a self-pair");
    const std::uint32_t j = mentor_index.find(p.mentor);
    if (j == IdIndex::npos)
      fail(ErrorCode::invalid_argument,
           pair_name(p.mentor, p.mentee) + ": " + std::to_string(p.mentor) + " is not a mentor");
    if (!(p.score >= 0 && p.score <= std::numeric_limits<double>::max())) {
      if (std::isnan(p.score)) fail(ErrorCode::invalid_argument, pair_name(p.mentor, p.mentee) + ": score is NaN");
      if (std::isinf(p.score)) fail(ErrorCode::invalid_argument, pair_name(p.mentor, p.mentee) + ": score is infinite");
      fail(ErrorCode::invalid_argument, pair_name(p.mentor, p.mentee) + ": score is negative");
    }
    if (p.mentee != run_mentee || i == IdInterner::npos) {
      const std::size_t seen = mentees.size();
      i = mentees.intern(p.mentee);
      run_mentee = p.mentee;
      if (mentees.size() != seen) {
        // A mentee's first row is the first that can name a mentor as mentee.
        if (mentor_index.contains(p.mentee))
          fail(ErrorCode::invalid_argument, pair_name(p.mentor, p.mentee) + ": " + std::to_string(p.mentee) +
                                                " is a mentor, not a mentee (mentees have capacity 1 and no row in mentors)");
        if (grid_on && mentees.size() * M > grid_budget) {
          grid_on = false;
          std::vector<std::uint64_t>().swap(grid);
          keep_zero_rows(k);
        } else if (grid_on) {
          grid.resize((mentees.size() * M + 31) / 32);
        }
      }
    }
    const bool positive = p.score > 0;
    if (positive) max_score = std::max(max_score, p.score);
    if (grid_on) {
      const std::size_t cell = i * M + j;
      std::uint64_t& word = grid[cell / 32];
      const unsigned shift = 2 * static_cast<unsigned>(cell % 32);
      const std::uint64_t mark = positive ? 2 : 1;  // bit 0: seen at 0; bit 1: seen above 0
      clash |= ((word >> shift) & (mark ^ 3)) != 0;
      word |= mark << shift;
      if (!positive) continue;
    }
    recs.push_back({static_cast<int>(i), static_cast<int>(j), p.score});
  }
  std::vector<std::uint64_t>().swap(grid);
  const int N = static_cast<int>(mentees.size());
  // Mentees by id: rank[first-seen index] = index by id.
  std::vector<std::int64_t> mentee_ids(mentees.size());  // ascending: index -> id
  std::vector<int> rank(mentees.size());
  {
    std::vector<std::pair<std::int64_t, int>> by_id(mentees.size());
    for (int t = 0; t < N; ++t) by_id[t] = {mentees.ids()[t], t};
    std::sort(by_id.begin(), by_id.end());
    for (int r = 0; r < N; ++r) {
      mentee_ids[r] = by_id[r].first;
      rank[by_id[r].second] = r;
    }
  }

  // Fixed-point bits: lowered until max W * (mentees + 1) <= 2^58.
  int bits = options.fixed_point_bits;
  const double K = static_cast<double>(N) + 1.0;
  while (bits > 1 && std::ldexp(max_score, bits) * K > std::ldexp(1.0, 58) * 0.999) --bits;
  if (std::ldexp(max_score, bits) * K > std::ldexp(1.0, 58) * 0.999)
    fail(ErrorCode::too_large, "scores too large for capacitated matching");
  if (grid_on && clash) keep_zero_rows(candidates.size());

  // Records bucketed by mentee (counting sort), each bucket by mentor below.
  std::vector<int> start(static_cast<std::size_t>(N) + 1, 0);
  for (auto& r : recs) ++start[(r.mentee = rank[r.mentee]) + 1];
  for (int i = 0; i < N; ++i) start[i + 1] += start[i];
  std::vector<Rec> sorted(recs.size());
  {
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto& r : recs) sorted[fill[r.mentee]++] = r;
  }
  std::vector<Rec>().swap(recs);

  std::vector<TransportArc> arcs;
  std::vector<double> arc_score;
  for (int i = 0; i < N; ++i) {
    auto b = sorted.begin() + start[i], e = sorted.begin() + start[i + 1];
    auto by_mentor = [](const Rec& u, const Rec& v) {
      return u.mentor < v.mentor || (u.mentor == v.mentor && u.score < v.score);
    };
    if (!std::is_sorted(b, e, by_mentor)) std::sort(b, e, by_mentor);
    for (auto it = b; it != e; ++it) {
      if (it != b && (it - 1)->mentor == it->mentor) {
        if ((it - 1)->score != it->score)
          fail(ErrorCode::invalid_argument,
               pair_name(mentor_ids[it->mentor], mentee_ids[i]) + " is given twice with different scores");
        continue;
      }
      std::int64_t w = capacitated_fixed_weight(it->score, bits);
      if (w > 0) {
        arcs.push_back({i, it->mentor, w});
        arc_score.push_back(it->score);
      }
    }
  }
  std::vector<Rec>().swap(sorted);
  std::vector<std::int64_t> caps(ms.size());
  for (std::size_t j = 0; j < ms.size(); ++j) caps[j] = ms[j].capacity;
  std::vector<int> mentor_of = max_weight_capacitated(caps, N, arcs);

  // Pairs by (mentor, mentee): arcs are by (mentee, mentor); bucket by mentor.
  std::vector<std::pair<int, int>> chosen;  // (mentor, arc)
  for (std::size_t k = 0; k < arcs.size(); ++k)
    if (mentor_of[arcs[k].mentee] == arcs[k].mentor) chosen.emplace_back(arcs[k].mentor, static_cast<int>(k));
  std::sort(chosen.begin(), chosen.end());
  CapacitatedResult res;
  res.fixed_point_bits = bits;
  res.pairs.reserve(chosen.size());
  for (const auto& [j, k] : chosen) {
    const TransportArc& a = arcs[k];
    res.pairs.push_back({mentor_ids[j], mentee_ids[a.mentee], arc_score[k]});
    res.total_fixed += a.weight;
    res.total += arc_score[k];
  }
  return res;
}

}  // namespace rcp
