// reciprocity._core: the private pybind11 module behind the `reciprocity`
// Python package. A thin adapter over the C++ core (core/), not over the C API:
// it converts arguments, calls the core and maps rcp::Error to Python
// exceptions whose messages are "<function>: <core message>", the same text the
// SQL face gives after its own function name.
//
// Public names and their docstrings live here so that calls go straight from
// Python into C++ (no Python wrapper on the hot path). The package's
// __init__.py re-exports them; __init__.pyi carries the types.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/match.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/top_partners.hpp"
#include "core/topk.hpp"
#include "core/version.hpp"

namespace py = pybind11;

namespace {

using rcp::ErrorCode;

// Runs body(); maps core errors to Python exceptions named after `fn`.
// pybind11's own exceptions (py::error_already_set, py::type_error, ...) pass
// through untouched.
template <typename Body>
auto guard(const char* fn, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const rcp::Error& e) {
    std::string m = std::string(fn) + ": " + e.what();
    switch (e.code()) {
      case ErrorCode::no_memory: throw std::bad_alloc();
      case ErrorCode::internal: throw std::runtime_error(m);
      default: throw py::value_error(m);
    }
  }
}

std::string py_type_name(const py::handle& o) { return py::str(py::type::handle_of(o).attr("__name__")); }

// A topic or field name as the core quotes it in messages: capped at 64
// bytes (61 and "...") without splitting a UTF-8 character, a NUL shown as
// '?' (Python cannot decode a split character and C cuts a message at a NUL).
std::string quoted(std::string_view s) {
  std::size_t limit = s.size();
  if (s.size() > 64) {
    limit = 61;
    while (limit > 0 && (static_cast<unsigned char>(s[limit]) & 0xC0) == 0x80) --limit;
  }
  std::string out = "'";
  for (std::size_t i = 0; i < limit; ++i) out += s[i] == '\0' ? '?' : s[i];
  if (limit < s.size()) out += "...";
  out += "'";
  return out;
}

// A profile argument, read in place: a Profile, or bytes / bytearray /
// memoryview holding a profile BLOB (as stored by the SQL functions). The
// returned view borrows from `o` (or from `keep` for mutable buffers);
// the caller keeps both alive while it uses the view.
struct ProfileArg {
  rcp::ProfileView view;
  py::object keep;  // a bytes copy of a bytearray / memoryview (they are mutable)
};

// The Python type of rcp::Profile, set once the class is registered.
PyTypeObject* g_profile_type = nullptr;

// The Profile held by `o` when `o` is exactly a reciprocity.Profile (the hot
// path: no pybind11 type lookups), else nullptr. An instance made with
// Profile.__new__ and never initialised holds none: a type error.
const rcp::Profile* exact_profile(const char* fn, int position, PyObject* o) {
  if (Py_TYPE(o) != g_profile_type) return nullptr;
  auto* inst = reinterpret_cast<py::detail::instance*>(o);
  auto vh = inst->get_value_and_holder();
  if (!vh.holder_constructed() || vh.value_ptr() == nullptr) {
    throw py::type_error(std::string(fn) + ": argument " + std::to_string(position) +
                         " is an uninitialised Profile");
  }
  return static_cast<const rcp::Profile*>(vh.value_ptr());
}

// The Profile inside `o`, a reciprocity.Profile or an instance of a Python
// subclass, or nullptr when it was made with Profile.__new__ and never
// initialised (pybind11 would hand out unconstructed memory for it).
const rcp::Profile* initialised_profile(const py::handle& o) {
  auto* inst = reinterpret_cast<py::detail::instance*>(o.ptr());
  auto vh = inst->get_value_and_holder();
  if (!vh.holder_constructed() || vh.value_ptr() == nullptr) return nullptr;
  return static_cast<const rcp::Profile*>(vh.value_ptr());
}

// The Profile `o`, the `what` ("self", "other", "argument 1") of `fn`: a
// TypeError "<fn>: <what> ..." when `o` is not a Profile or an uninitialised one.
const rcp::Profile& held_profile(const char* fn, const char* what, const py::handle& o) {
  if (Py_TYPE(o.ptr()) != g_profile_type && !py::isinstance<rcp::Profile>(o)) {
    throw py::type_error(std::string(fn) + ": " + what + " must be a reciprocity.Profile, not " + py_type_name(o));
  }
  const rcp::Profile* p = initialised_profile(o);
  if (!p) throw py::type_error(std::string(fn) + ": " + what + " is an uninitialised Profile");
  return *p;
}

// A Profile method: `self` arrives as an object and is checked with
// held_profile, so Profile.__new__(Profile).to_bytes() is a TypeError.
template <typename R, typename... A>
auto method(const char* fn, R (*f)(const rcp::Profile&, A...)) {
  return [fn, f](const py::object& self, A... a) -> R { return f(held_profile(fn, "self", self), a...); };
}

ProfileArg profile_arg(const char* fn, int position, const py::handle& o) {
  ProfileArg out;
  if (const rcp::Profile* p = exact_profile(fn, position, o.ptr())) {
    out.view = p->view();
    return out;
  }
  if (py::isinstance<rcp::Profile>(o)) {
    const rcp::Profile* p = initialised_profile(o);
    if (!p) {
      throw py::type_error(std::string(fn) + ": argument " + std::to_string(position) + " is an uninitialised Profile");
    }
    out.view = p->view();
    return out;
  }
  const void* data = nullptr;
  std::size_t size = 0;
  if (PyBytes_Check(o.ptr())) {
    data = PyBytes_AS_STRING(o.ptr());
    size = static_cast<std::size_t>(PyBytes_GET_SIZE(o.ptr()));
  } else if (PyByteArray_Check(o.ptr()) || PyMemoryView_Check(o.ptr())) {
    out.keep = py::reinterpret_steal<py::object>(PyBytes_FromObject(o.ptr()));
    if (!out.keep) throw py::error_already_set();
    data = PyBytes_AS_STRING(out.keep.ptr());
    size = static_cast<std::size_t>(PyBytes_GET_SIZE(out.keep.ptr()));
  } else {
    throw py::type_error(std::string(fn) + ": argument " + std::to_string(position) +
                         " is not a reciprocity profile (it is " + py_type_name(o) +
                         "; make one with reciprocity.Profile or Profile.from_bytes)");
  }
  std::string why;
  if (!rcp::ProfileView::parse(data, size, &out.view, &why)) {
    throw py::value_error(std::string(fn) + ": argument " + std::to_string(position) +
                          " is not a reciprocity profile: " + (why.empty() ? "invalid profile" : why));
  }
  return out;
}

// A str as UTF-8 for a name looked up in a list (a mode, an objective): a
// lone surrogate becomes '?', so it is simply an unknown name.
std::string replaced_utf8(const py::handle& o) {
  auto b = py::reinterpret_steal<py::bytes>(PyUnicode_AsEncodedString(o.ptr(), "utf-8", "replace"));
  if (!b) throw py::error_already_set();
  return std::string(PyBytes_AS_STRING(b.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(b.ptr())));
}

// Interned mode names: a call that passes a literal or the default string
// is recognised by identity, without converting or copying it.
PyObject* g_mode_names[5] = {};
constexpr rcp::Mode kModes[5] = {rcp::Mode::harmonic, rcp::Mode::geometric, rcp::Mode::min, rcp::Mode::mean,
                                 rcp::Mode::uninorm};

rcp::Mode mode_arg(const char* fn, const py::handle& o) {
  if (o.is_none()) return rcp::kDefaultMode;
  for (int i = 0; i < 5; ++i)
    if (o.ptr() == g_mode_names[i]) return kModes[i];
  if (!py::isinstance<py::str>(o)) {
    throw py::type_error(std::string(fn) + ": mode must be str, not " + py_type_name(o) + " (valid modes: " +
                         rcp::kModeList + ")");
  }
  return guard(fn, [&] { return rcp::parse_mode(replaced_utf8(o)); });
}

// A level or a want from a Python value: int or float; None counts as 0 (like
// JSON null). bool is refused, as JSON true is.
double number_field(const char* fn, const py::handle& v, std::string_view topic, const char* field) {
  if (v.is_none()) return 0.0;
  if (PyBool_Check(v.ptr()) || !(PyLong_Check(v.ptr()) || PyFloat_Check(v.ptr()))) {
    // Other real numbers (fractions.Fraction, decimal.Decimal, numpy scalars)
    // convert through __float__; anything else is a type error.
    if (!PyBool_Check(v.ptr()) && py::hasattr(v, "__float__") && !py::isinstance<py::str>(v) &&
        !py::isinstance<py::bytes>(v)) {
      return py::float_(py::reinterpret_borrow<py::object>(v)).cast<double>();
    }
    throw py::type_error(std::string(fn) + ": " + field + " for topic " + quoted(topic) + " must be a number, not " +
                         py_type_name(v));
  }
  if (PyLong_Check(v.ptr())) {
    double d = PyLong_AsDouble(v.ptr());
    if (d == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      throw py::value_error(std::string(fn) + ": " + field + " for topic " + quoted(topic) +
                            " is too large for a number");
    }
    return d;
  }
  return PyFloat_AS_DOUBLE(v.ptr());
}

std::string topic_arg(const char* fn, const py::handle& t) {
  if (!py::isinstance<py::str>(t)) {
    throw py::type_error(std::string(fn) + ": topic names must be str, not " + py_type_name(t));
  }
  // Strict UTF-8: a lone surrogate cannot be a topic name.
  PyObject* b = PyUnicode_AsUTF8String(t.ptr());
  if (!b) {
    PyErr_Clear();
    throw py::value_error(std::string(fn) + ": topic name is not valid UTF-8");
  }
  auto owned = py::reinterpret_steal<py::bytes>(b);
  return std::string(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
}

// An entry of a mapping's items(): a (key, value) tuple. A Mapping whose
// items() gives anything else is refused by name rather than by CPython's
// SystemError. `what` names the entries: "(topic, spec)".
py::tuple item_pair(const char* fn, const std::string& mapping, const char* what, const py::handle& item) {
  if (!PyTuple_Check(item.ptr()) || PyTuple_GET_SIZE(item.ptr()) != 2) {
    throw py::type_error(std::string(fn) + ": items() of " + mapping + " must give " + what + " pairs, not " +
                         py_type_name(item));
  }
  return py::reinterpret_borrow<py::tuple>(item);
}

bool is_mapping(const py::handle& o) {
  static py::object mapping = py::module_::import("collections.abc").attr("Mapping");
  return PyDict_Check(o.ptr()) || py::isinstance(o, mapping);
}

// Profile from {"python": {"level": 4}, "finance": {"level": 1, "want": 3}}:
// the JSON form of reciprocity_profile_json, with the same rules (missing or
// None level/want = 0, a topic given twice after canonicalisation keeps the
// larger level and want, other fields are errors).
rcp::Profile profile_from_mapping(const char* fn, const py::handle& topics) {
  if (topics.is_none()) return rcp::Profile();
  if (!is_mapping(topics)) {
    throw py::type_error(std::string(fn) + ": a profile must be a mapping of topics like {\"python\": {\"level\": 4}}, not " +
                         py_type_name(topics));
  }
  rcp::ProfileBuilder b;
  py::object items = topics.attr("items")();
  for (py::handle item : items) {
    py::tuple pair = item_pair(fn, "the profile mapping", "(topic, spec)", item);
    std::string topic = topic_arg(fn, pair[0]);
    py::handle spec = pair[1];
    if (!is_mapping(spec)) {
      throw py::type_error(std::string(fn) + ": topic " + quoted(topic) +
                           " must map to an object like {\"level\": 3, \"want\": 1}, not " + py_type_name(spec));
    }
    double level = 0.0, want = 0.0;
    py::object fields = spec.attr("items")();
    for (py::handle f : fields) {
      py::tuple fv = item_pair(fn, "the mapping of topic " + quoted(topic), "(field, value)", f);
      py::handle key = fv[0];
      std::string field = py::isinstance<py::str>(key) ? replaced_utf8(key) : std::string(py::repr(key));
      if (field == "level") {
        level = number_field(fn, fv[1], topic, "level");
      } else if (field == "want") {
        want = number_field(fn, fv[1], topic, "want");
      } else {
        throw py::value_error(std::string(fn) + ": topic " + quoted(topic) + " has unknown field " + quoted(field) +
                              " (expected \"level\" and \"want\")");
      }
    }
    guard(fn, [&] { b.merge(topic, level, want); });
  }
  return guard(fn, [&] { return b.build(); });
}

// Profile from rows (topic, level, want), merged like the SQL aggregate
// reciprocity_profile: None topics skipped, None level/want = 0.
rcp::Profile profile_from_rows(const py::object& rows) {
  const char* fn = "Profile.from_rows";
  py::iterator it;
  try {
    it = py::iter(rows);
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_TypeError)) throw;
    throw py::type_error(std::string(fn) + ": rows must be an iterable of (topic, level, want) rows, not " +
                         py_type_name(rows));
  }
  rcp::ProfileBuilder b;
  std::size_t index = 0;
  for (; it != py::iterator::sentinel(); ++it) {
    py::handle row = *it;
    py::sequence seq;
    if (!py::isinstance<py::sequence>(row) || py::isinstance<py::str>(row) || py::len(row) != 3) {
      throw py::type_error(std::string(fn) + ": row " + std::to_string(index) +
                           " must be a (topic, level, want) sequence of 3 items, not " + py_type_name(row));
    }
    seq = py::reinterpret_borrow<py::sequence>(row);
    ++index;
    if (seq[0].is_none()) continue;
    std::string topic = topic_arg(fn, seq[0]);
    double level = number_field(fn, seq[1], topic, "level");
    double want = number_field(fn, seq[2], topic, "want");
    guard(fn, [&] { b.merge(topic, level, want); });
  }
  return guard(fn, [&] { return b.build(); });
}

py::dict profile_to_dict(const rcp::ProfileView& p) {
  py::dict out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    py::dict spec;
    spec["level"] = p.level(i);
    if (p.want(i) > 0.0) spec["want"] = p.want(i);
    std::string_view t = p.topic(i);
    out[py::str(t.data(), t.size())] = std::move(spec);
  }
  return out;
}

std::string profile_repr(const rcp::Profile& self) {
  const rcp::ProfileView& p = self.view();
  constexpr std::size_t kShown = 10;
  std::string body = "{";
  std::size_t shown = p.size() < kShown ? p.size() : kShown;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i) body += ", ";
    std::string_view t = p.topic(i);
    body += py::repr(py::str(t.data(), t.size())).cast<std::string>();
    body += ": {'level': " + py::repr(py::float_(p.level(i))).cast<std::string>();
    if (p.want(i) > 0.0) body += ", 'want': " + py::repr(py::float_(p.want(i))).cast<std::string>();
    body += "}";
  }
  if (p.size() > shown) {
    // Not a valid expression any more: say so, and how much is left out.
    return "<Profile " + body + ", ...} (" + std::to_string(p.size()) + " topics, " +
           std::to_string(p.size() - shown) + " not shown)>";
  }
  return "Profile(" + body + "})";
}

// A topic name as given by the caller, canonicalised; false if it cannot be a
// topic at all (so it is in no profile).
bool canonical_or_false(const py::handle& t, std::string* out) {
  if (!py::isinstance<py::str>(t)) return false;
  PyObject* b = PyUnicode_AsUTF8String(t.ptr());
  if (!b) {
    PyErr_Clear();
    return false;
  }
  auto owned = py::reinterpret_steal<py::bytes>(b);
  try {
    *out = rcp::canonical_topic(std::string_view(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b))));
    return true;
  } catch (const rcp::Error&) {
    return false;
  }
}

double topic_value(const rcp::Profile& self, const py::handle& t, bool level, const char* fn) {
  if (!py::isinstance<py::str>(t)) throw py::type_error(std::string(fn) + ": topic must be str, not " + py_type_name(t));
  std::string c;
  if (!canonical_or_false(t, &c)) {
    // Re-run to get the core's message for a name that can never be a topic.
    std::string raw = topic_arg(fn, t);
    guard(fn, [&] { return rcp::canonical_topic(raw); });
  }
  const rcp::ProfileView& p = self.view();
  std::size_t i = p.find(c);
  if (i == p.size()) return 0.0;
  return level ? p.level(i) : p.want(i);
}

py::dict direction_to_dict(const rcp::DirectionGains& d) {
  py::list topics;
  for (const auto& t : d.topics) {
    py::dict g;
    g["topic"] = py::str(t.topic);
    g["giver_level"] = t.giver_level;
    g["receiver_level"] = t.receiver_level;
    g["want"] = t.want;
    g["weight"] = t.weight;
    g["contribution"] = t.contribution;
    topics.append(std::move(g));
  }
  py::dict out;
  out["benefit"] = d.benefit;
  out["topics"] = std::move(topics);
  return out;
}

py::dict explanation_to_dict(const rcp::Explanation& e) {
  py::dict out;
  out["mode"] = py::str(rcp::mode_name(e.mode));
  out["score"] = e.score;
  out["balance"] = e.balance;
  out["a_gets"] = direction_to_dict(e.a_gets);
  out["b_gets"] = direction_to_dict(e.b_gets);
  return out;
}

// The keys of `mapping`, sorted once in Python order (so an index is a rank
// and ties broken by index are ties broken by ascending id).
py::list sorted_ids(const char* fn, const py::handle& mapping, const char* what) {
  try {
    return py::module_::import("builtins").attr("sorted")(mapping.attr("keys")());
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_TypeError)) throw;
    throw py::type_error(std::string(fn) + ": " + what + " must be comparable with each other (all int or all str): " +
                         std::string(py::str(e.value())));
  }
}

// The profiles mapping[ids[i]], read in place for a GIL-free run: `values`
// keeps each one alive (mutable buffers are copied first, so they cannot
// change under the run). `label` names an entry in messages: "candidate ",
// "profile of id ".
void collect_profiles(const char* fn, const py::handle& mapping, const py::list& ids, const char* label,
                      std::vector<ProfileArg>* profiles, std::vector<py::object>* values) {
  const std::size_t n = ids.size();
  profiles->reserve(n);
  values->reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    py::object v = mapping[ids[i]];
    if (py::isinstance<rcp::Profile>(v) && !initialised_profile(v)) {
      throw py::type_error(std::string(fn) + ": " + label + std::string(py::repr(ids[i])) +
                           " is an uninitialised Profile");
    }
    if (!py::isinstance<rcp::Profile>(v) && !PyBytes_Check(v.ptr())) {
      if (PyByteArray_Check(v.ptr()) || PyMemoryView_Check(v.ptr())) {
        v = py::reinterpret_steal<py::object>(PyBytes_FromObject(v.ptr()));
        if (!v) throw py::error_already_set();
      } else {
        throw py::type_error(std::string(fn) + ": " + label + std::string(py::repr(ids[i])) +
                             " is not a reciprocity profile (it is " + py_type_name(v) +
                             "; make one with reciprocity.Profile or Profile.from_bytes)");
      }
    }
    try {
      profiles->push_back(profile_arg(fn, 2, v));
    } catch (py::value_error&) {
      std::string why;
      rcp::ProfileView::parse(PyBytes_AS_STRING(v.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(v.ptr())), nullptr,
                              &why);
      throw py::value_error(std::string(fn) + ": " + label + std::string(py::repr(ids[i])) +
                            " is not a reciprocity profile: " + why);
    }
    values->push_back(std::move(v));
  }
}

// k for best_partners and top_partners: a positive int; huge values clamp.
std::uint64_t k_arg(const char* fn, const py::handle& k_obj) {
  if (PyBool_Check(k_obj.ptr()) || !PyLong_Check(k_obj.ptr())) {
    throw py::type_error(std::string(fn) + ": k must be a positive integer, not " + py_type_name(k_obj));
  }
  int overflow = 0;
  long long k = PyLong_AsLongLongAndOverflow(k_obj.ptr(), &overflow);
  if (overflow < 0 || (overflow == 0 && k <= 0)) throw py::value_error(std::string(fn) + ": k must be a positive integer");
  if (overflow > 0) k = static_cast<long long>(INT64_MAX);
  return static_cast<std::uint64_t>(k);
}

// best_partners(me, candidates, k, mode): ids are sorted once in Python order,
// so a candidate's index is its rank and TopK<index>'s tie-break (smaller
// index first) is the ids' ascending order. Scoring runs without the GIL.
py::list best_partners(const py::handle& me, const py::handle& candidates, const py::handle& k_obj,
                       const py::handle& mode_obj) {
  const char* fn = "best_partners";
  ProfileArg mine = profile_arg(fn, 1, me);
  if (!is_mapping(candidates)) {
    throw py::type_error(std::string(fn) + ": candidates must be a mapping of id -> Profile, not " +
                         py_type_name(candidates));
  }
  const std::uint64_t k = k_arg(fn, k_obj);
  rcp::Mode mode = mode_arg(fn, mode_obj);

  py::list ids = sorted_ids(fn, candidates, "candidate ids");
  const std::size_t n = ids.size();
  std::vector<ProfileArg> profiles;
  std::vector<py::object> values;  // keep each candidate alive while views borrow from it
  collect_profiles(fn, candidates, ids, "candidate ", &profiles, &values);

  std::vector<std::pair<std::size_t, double>> top;
  {
    py::gil_scoped_release release;
    rcp::TopK<std::size_t> best(k);
    for (std::size_t i = 0; i < n; ++i) best.add(i, rcp::score(mine.view, profiles[i].view, mode));
    top = best.sorted();
  }
  py::list out;
  for (const auto& [i, s] : top) out.append(py::make_tuple(ids[i], s));
  return out;
}


// reciprocity.Cancelled, raised when a progress callback returns False.
PyObject* g_cancelled = nullptr;

// An exception fetched from Python while the core runs, restored after it.
struct PendingError {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  bool set() const { return type != nullptr; }
  void fetch() { PyErr_Fetch(&type, &value, &traceback); }
  // Hands the error back to Python (and the references with it).
  [[noreturn]] void raise() {
    PyErr_Restore(type, value, traceback);
    type = value = traceback = nullptr;
    throw py::error_already_set();
  }
  ~PendingError() {  // only ever destroyed with the GIL held
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
  }
};

// top_partners(profiles, k, exclude, threads, progress, mode): the ids are
// sorted once in Python order and the core ranks their indices, so its
// tie-break (smaller partner first) is ascending id, whatever the id type.
// The core runs without the GIL; the progress hook takes it back on the
// calling thread only (the core calls progress nowhere else) to run pending
// signal handlers (Ctrl-C) and the user's callback.
py::dict top_partners(const py::handle& profiles_obj, const py::handle& k_obj, const py::handle& exclude_obj,
                      const py::handle& threads_obj, const py::handle& progress_obj, const py::handle& mode_obj) {
  const char* fn = "top_partners";
  if (!is_mapping(profiles_obj)) {
    throw py::type_error(std::string(fn) + ": profiles must be a mapping of id -> Profile, not " +
                         py_type_name(profiles_obj));
  }
  rcp::TopPartnersOptions opt;
  opt.k = k_arg(fn, k_obj);
  static const char* kThreadsRule = "threads must be an integer from 0 to 1024 (0: one per core)";
  if (PyBool_Check(threads_obj.ptr()) || !PyLong_Check(threads_obj.ptr())) {
    throw py::type_error(std::string(fn) + ": " + kThreadsRule + ", not " + py_type_name(threads_obj));
  }
  {
    int overflow = 0;
    long long t = PyLong_AsLongLongAndOverflow(threads_obj.ptr(), &overflow);
    if (overflow || t < 0 || t > 1024) throw py::value_error(std::string(fn) + ": " + kThreadsRule);
    opt.threads = static_cast<unsigned>(t);
  }
  if (!progress_obj.is_none() && !PyCallable_Check(progress_obj.ptr())) {
    throw py::type_error(std::string(fn) + ": progress must be a callable progress(done, total) or None, not " +
                         py_type_name(progress_obj));
  }
  opt.mode = mode_arg(fn, mode_obj);

  py::list ids = sorted_ids(fn, profiles_obj, "ids");
  const std::size_t n = ids.size();
  std::vector<ProfileArg> profiles;
  std::vector<py::object> values;  // keep each profile alive while views borrow from it
  collect_profiles(fn, profiles_obj, ids, "profile of id ", &profiles, &values);
  std::vector<rcp::Person> people(n);
  for (std::size_t i = 0; i < n; ++i) {
    people[i].id = static_cast<std::int64_t>(i);
    people[i].profile = profiles[i].view;
  }

  if (!exclude_obj.is_none()) {
    py::dict index;  // id -> its position in ids
    for (std::size_t i = 0; i < n; ++i) index[ids[i]] = py::int_(i);
    py::iterator it;
    try {
      it = py::iter(exclude_obj);
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_TypeError)) throw;
      throw py::type_error(std::string(fn) + ": exclude must be an iterable of (a, b) id pairs, not " +
                           py_type_name(exclude_obj));
    }
    std::size_t item = 0;
    for (; it != py::iterator::sentinel(); ++it, ++item) {
      py::handle pair = *it;
      if (!PySequence_Check(pair.ptr()) || PyUnicode_Check(pair.ptr()) || PyBytes_Check(pair.ptr()) ||
          PySequence_Size(pair.ptr()) != 2) {
        if (PyErr_Occurred()) PyErr_Clear();
        throw py::type_error(std::string(fn) + ": exclude item " + std::to_string(item) +
                             " must be an (a, b) pair of ids, not " + py_type_name(pair));
      }
      std::int64_t ends[2];
      bool known = true;
      for (int side = 0; side < 2; ++side) {
        py::object id = py::reinterpret_steal<py::object>(PySequence_GetItem(pair.ptr(), side));
        if (!id) throw py::error_already_set();
        PyObject* at = PyDict_GetItemWithError(index.ptr(), id.ptr());  // borrowed
        if (!at) {
          if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) throw py::error_already_set();
            PyErr_Clear();
            throw py::type_error(std::string(fn) + ": exclude item " + std::to_string(item) +
                                 " holds an id that cannot be a key (" + py_type_name(id) + ")");
          }
          known = false;  // not in the population: nothing to exclude
          continue;
        }
        ends[side] = static_cast<std::int64_t>(PyLong_AsSsize_t(at));
      }
      if (known) opt.exclude.emplace_back(ends[0], ends[1]);
    }
  }

  // The hook: runs with the GIL, records what should stop the run, and
  // returns false to stop it; nothing is thrown through the core.
  PendingError error;
  bool cancelled = false;
  PyObject* callback = progress_obj.is_none() ? nullptr : progress_obj.ptr();
  opt.progress = [&](std::size_t done, std::size_t total) noexcept {
    py::gil_scoped_acquire gil;
    if (error.set() || cancelled) return false;
    if (PyErr_CheckSignals() != 0) {  // e.g. KeyboardInterrupt from Ctrl-C
      error.fetch();
      return false;
    }
    if (!callback) return true;
    PyObject* r = PyObject_CallFunction(callback, "nn", static_cast<Py_ssize_t>(done), static_cast<Py_ssize_t>(total));
    if (!r) {
      error.fetch();
      return false;
    }
    if (r == Py_False) cancelled = true;
    Py_DECREF(r);
    return !cancelled;
  };

  rcp::TopPartnersResult res = guard(fn, [&] {
    py::gil_scoped_release release;
    return rcp::top_partners(people.data(), n, opt);
  });
  if (error.set()) error.raise();
  if (cancelled || res.cancelled) {
    PyErr_SetString(g_cancelled, "top_partners: cancelled by the progress callback");
    throw py::error_already_set();
  }

  py::dict out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t begin = res.offsets[i], end = res.offsets[i + 1];
    py::list partners(end - begin);
    for (std::size_t j = begin; j < end; ++j) {
      PyObject* partner = PyList_GET_ITEM(ids.ptr(), static_cast<Py_ssize_t>(res.partner[j]));
      PyObject* pair = PyTuple_New(2);
      if (!pair) throw py::error_already_set();
      PyObject* score = PyFloat_FromDouble(res.score[j]);
      if (!score) {
        Py_DECREF(pair);
        throw py::error_already_set();
      }
      Py_INCREF(partner);
      PyTuple_SET_ITEM(pair, 0, partner);
      PyTuple_SET_ITEM(pair, 1, score);
      PyList_SET_ITEM(partners.ptr(), static_cast<Py_ssize_t>(j - begin), pair);
    }
    out[ids[i]] = std::move(partners);
  }
  return out;
}


// ------------------------------------------------------------------------
// score and benefit are the calls a Python loop makes millions of times, so
// they are plain CPython METH_FASTCALL functions: pybind11's general
// dispatcher costs more than the scoring itself. Same conversions, same
// messages as everywhere else in this file.

// Binds positional and keyword arguments to `names` (CPython's messages).
// Returns false with a TypeError set.
bool bind_args(const char* fn, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, const char* const* names,
               int required, int total, PyObject** out) {
  for (int i = 0; i < total; ++i) out[i] = nullptr;
  if (nargs > total) {
    PyErr_Format(PyExc_TypeError, "%s() takes %s %d positional arguments but %zd were given", fn,
                 required == total ? "exactly" : "at most", total, nargs);
    return false;
  }
  for (Py_ssize_t i = 0; i < nargs; ++i) out[i] = args[i];
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; ++k) {
    PyObject* key = PyTuple_GET_ITEM(kwnames, k);
    int slot = -1;
    for (int i = 0; i < total && slot < 0; ++i)
      if (PyUnicode_CompareWithASCIIString(key, names[i]) == 0) slot = i;
    if (slot < 0) {
      PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fn, key);
      return false;
    }
    if (out[slot]) {
      PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fn, names[slot]);
      return false;
    }
    out[slot] = args[nargs + k];
  }
  for (int i = 0; i < required; ++i) {
    if (!out[i]) {
      PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)", fn, names[i], i + 1);
      return false;
    }
  }
  return true;
}

// Runs body() and turns any C++ exception into a Python error (nullptr).
template <typename Body>
PyObject* raw_guard(Body&& body) noexcept {
  try {
    return body();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const py::builtin_exception& e) {
    e.set_error();
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "reciprocity: unknown C++ exception");
  }
  return nullptr;
}

PyObject* raw_score(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"a", "b", "mode"};
  PyObject* a[3];
  if (!bind_args("score", args, nargs, kwnames, names, 2, 3, a)) return nullptr;
  return raw_guard([&]() -> PyObject* {
    ProfileArg pa = profile_arg("score", 1, a[0]);
    ProfileArg pb = profile_arg("score", 2, a[1]);
    rcp::Mode m = a[2] ? mode_arg("score", a[2]) : rcp::kDefaultMode;
    return PyFloat_FromDouble(rcp::score(pa.view, pb.view, m));
  });
}

PyObject* raw_benefit(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  static const char* const names[] = {"receiver", "giver"};
  PyObject* a[2];
  if (!bind_args("benefit", args, nargs, kwnames, names, 2, 2, a)) return nullptr;
  return raw_guard([&]() -> PyObject* {
    ProfileArg r = profile_arg("benefit", 1, a[0]);
    ProfileArg g = profile_arg("benefit", 2, a[1]);
    return PyFloat_FromDouble(rcp::benefit(r.view, g.view));
  });
}

// The first lines "name(sig)\n--\n\n" give inspect.signature() a signature.
const char kScoreDoc[] = R"doc(score(a, b, mode='harmonic')
--

score(a: Profile | bytes, b: Profile | bytes, mode: str = "harmonic") -> float

The reciprocity of the pair, in [0, 1]: ``M(benefit(a, b), benefit(b, a))``
with M chosen by ``mode`` -- ``harmonic`` (default, 2xy/(x+y): 0 when either
side gains nothing), ``geometric``, ``min``, ``mean`` or ``uninorm``.
Symmetric. Same number as ``reciprocity_score`` in SQL. Profiles may also be
given as their bytes (a BLOB read from SQLite).

>>> import reciprocity
>>> exec_ = reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}})
>>> dev = reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 1}})
>>> round(reciprocity.score(exec_, dev), 4)
0.8
>>> reciprocity.score(exec_, dev, mode="min")
0.8
>>> reciprocity.score(exec_, dev, mode="x")
Traceback (most recent call last):
    ...
ValueError: score: unknown mode 'x' (valid modes: harmonic, geometric, min, mean, uninorm)
)doc";

const char kBenefitDoc[] = R"doc(benefit(receiver, giver)
--

benefit(receiver: Profile | bytes, giver: Profile | bytes) -> float

What ``receiver`` gains from ``giver``, one way, in [0, 1]:
the sum over topics of the receiver's normalised want times
``max(0, giver level - receiver level) / 5``. Same number as
``reciprocity_benefit`` in SQL.

>>> import reciprocity
>>> me = reciprocity.Profile({"python": {"level": 1, "want": 3}, "sql": {"want": 1}})
>>> you = reciprocity.Profile({"python": {"level": 5}})
>>> reciprocity.benefit(me, you)  # 3/4 of my wants, 4 of 5 levels
0.6
>>> reciprocity.benefit(you, me)  # you want nothing
0.0
)doc";

PyMethodDef kRawMethods[] = {
    {"score", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&raw_score)), METH_FASTCALL | METH_KEYWORDS,
     kScoreDoc},
    {"benefit", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&raw_benefit)),
     METH_FASTCALL | METH_KEYWORDS, kBenefitDoc},
    {nullptr, nullptr, 0, nullptr},
};


// ------------------------------------------------------- cohort matching
// match(pairs, objective, mentors, pinned) and audit(pairs, matching, mentors):
// Python values in, rcp::match / rcp::audit (without the GIL), and the result
// as a Matching (pairs + MatchAudit). Ids are Python ints (int64).

std::int64_t match_id(const char* fn, const std::string& what, const py::handle& o) {
  if (PyBool_Check(o.ptr()) || !PyLong_Check(o.ptr())) {
    throw py::type_error(std::string(fn) + ": " + what + " must be an int id, not " + py_type_name(o));
  }
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
  if (overflow) throw py::value_error(std::string(fn) + ": " + what + " does not fit in a 64-bit integer");
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<std::int64_t>(v);
}

double match_number(const char* fn, const std::string& what, const py::handle& o) {
  if (PyBool_Check(o.ptr()) || !(PyFloat_Check(o.ptr()) || PyLong_Check(o.ptr()))) {
    throw py::type_error(std::string(fn) + ": " + what + " must be a number, not " + py_type_name(o));
  }
  double d = PyFloat_AsDouble(o.ptr());
  if (d == -1.0 && PyErr_Occurred()) {
    PyErr_Clear();
    throw py::value_error(std::string(fn) + ": " + what + " is too large for a float");
  }
  return d;
}

py::iterator match_iter(const char* fn, const char* name, const char* shape, const py::handle& o) {
  if (!PyUnicode_Check(o.ptr()) && !PyBytes_Check(o.ptr())) {
    try {
      return py::iter(o);
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_TypeError)) throw;
    }
  }
  throw py::type_error(std::string(fn) + ": " + name + " must be an iterable of " + shape + ", not " + py_type_name(o));
}

// An item of `name` as a tuple/list of one of the allowed lengths.
py::tuple match_item(const char* fn, const char* name, std::size_t index, const py::handle& item, const char* shape,
                     std::size_t len1, std::size_t len2) {
  if (!PyTuple_Check(item.ptr()) && !PyList_Check(item.ptr())) {
    throw py::type_error(std::string(fn) + ": " + name + " item " + std::to_string(index) + " must be a tuple " +
                         shape + ", not " + py_type_name(item));
  }
  py::tuple t = py::reinterpret_steal<py::tuple>(PySequence_Tuple(item.ptr()));
  if (!t) throw py::error_already_set();
  if (t.size() != len1 && t.size() != len2) {
    throw py::value_error(std::string(fn) + ": " + name + " item " + std::to_string(index) + " has " +
                          std::to_string(t.size()) + " values; it must be a tuple " + shape);
  }
  return t;
}

// Fills in.candidates and in.gains from `pairs`.
void read_match_pairs(const char* fn, const py::handle& pairs, rcp::MatchInput* in) {
  static const char* kShape = "(a, b, score) or (a, b, score, a_gain, b_gain)";
  py::iterator it = match_iter(fn, "pairs", "(a, b, score) or (a, b, score, a_gain, b_gain) tuples", pairs);
  std::size_t index = 0, first_len = 0;
  for (; it != py::iterator::sentinel(); ++it, ++index) {
    py::tuple t = match_item(fn, "pairs", index, *it, kShape, 3, 5);
    if (index == 0) {
      first_len = t.size();
      in->gains = first_len == 5;
    } else if (t.size() != first_len) {
      throw py::value_error(std::string(fn) + ": pairs item " + std::to_string(index) + " has " +
                            std::to_string(t.size()) + " values but item 0 has " + std::to_string(first_len) +
                            " (give the gains for every pair or for none)");
    }
    const std::string at = "pairs item " + std::to_string(index);
    rcp::MatchCandidate c;
    c.a = match_id(fn, at + ": a", t[0]);
    c.b = match_id(fn, at + ": b", t[1]);
    c.score = match_number(fn, at + ": score", t[2]);
    if (in->gains) {
      c.a_gain = match_number(fn, at + ": a_gain", t[3]);
      c.b_gain = match_number(fn, at + ": b_gain", t[4]);
    }
    in->candidates.push_back(c);
  }
}

void read_match_mentors(const char* fn, const py::handle& mentors, rcp::MatchInput* in) {
  if (mentors.is_none()) return;
  if (!is_mapping(mentors)) {
    throw py::type_error(std::string(fn) + ": mentors must be a mapping of mentor id -> capacity, or None, not " +
                         py_type_name(mentors));
  }
  in->capacitated = true;
  py::object items = py::reinterpret_steal<py::object>(PyMapping_Items(mentors.ptr()));
  if (!items) throw py::error_already_set();
  for (py::handle kv : items) {
    py::tuple t = item_pair(fn, "mentors", "(mentor id, capacity)", kv);
    rcp::MentorCapacity m;
    m.id = match_id(fn, "mentors: key " + std::string(py::repr(t[0])), t[0]);
    if (PyBool_Check(t[1].ptr()) || !PyLong_Check(t[1].ptr())) {
      throw py::type_error(std::string(fn) + ": capacity of mentor " + std::to_string(m.id) +
                           " must be an int, not " + py_type_name(t[1]));
    }
    int overflow = 0;
    long long c = PyLong_AsLongLongAndOverflow(t[1].ptr(), &overflow);
    if (overflow < 0) {  // the core's message, with the value given rather than INT64_MIN
      throw py::value_error(std::string(fn) + ": mentor " + std::to_string(m.id) + " has capacity " +
                            std::string(py::repr(t[1])) + "; capacities must be integers >= 1");
    }
    if (overflow > 0) c = INT64_MAX;  // more places than people: no limit
    m.capacity = static_cast<std::int64_t>(c);
    in->mentors.push_back(m);
  }
}

std::vector<std::pair<std::int64_t, std::int64_t>> read_id_pairs(const char* fn, const char* name,
                                                                  const py::handle& o, bool allow_score) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  const char* shape = allow_score ? "(a, b) or (a, b, score)" : "(a, b)";
  py::iterator it = match_iter(fn, name, allow_score ? "(a, b) or (a, b, score) tuples" : "(a, b) tuples", o);
  std::size_t index = 0;
  for (; it != py::iterator::sentinel(); ++it, ++index) {
    py::tuple t = match_item(fn, name, index, *it, shape, 2, allow_score ? 3 : 2);
    const std::string at = std::string(name) + " item " + std::to_string(index);
    out.emplace_back(match_id(fn, at + ": a", t[0]), match_id(fn, at + ": b", t[1]));
  }
  return out;
}

// The Python side of a matching: pairs as tuples, and the audit.
struct PyMatching {
  std::string objective;
  std::vector<rcp::MatchPair> pairs;
  rcp::MatchAudit audit;
};

py::list pairs_list(const std::vector<rcp::MatchPair>& pairs) {
  py::list out(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    out[i] = py::make_tuple(pairs[i].a, pairs[i].b, pairs[i].score);
  }
  return out;
}

py::list blocking_list(const rcp::MatchAudit& a) {
  py::list out(a.blocking.size());
  for (std::size_t i = 0; i < a.blocking.size(); ++i) out[i] = py::make_tuple(a.blocking[i].first, a.blocking[i].second);
  return out;
}

std::string audit_repr(const rcp::MatchAudit& a) {
  auto num = [](double d) { return std::string(py::repr(py::float_(d))); };
  std::string s = "MatchAudit(pairs=" + std::to_string(a.pairs) + ", total=" + num(a.total) +
                  ", weakest_score=" + num(a.weakest_score) + ", worst_off=" +
                  (a.has_worst_off ? std::to_string(a.worst_off) : std::string("None")) +
                  ", worst_off_score=" + (a.has_worst_off ? num(a.worst_off_score) : std::string("None")) +
                  ", unmatched=" + std::to_string(a.unmatched) + ", blocking_pairs=" +
                  std::string(py::repr(blocking_list(a))) + ", stable=" + (a.stable ? "True" : "False") + ")";
  return s;
}

PyMatching match_py(const py::handle& pairs, const py::handle& objective, const py::handle& mentors,
                    const py::handle& pinned) {
  const char* fn = "match";
  rcp::MatchInput in;
  if (!objective.is_none()) {
    if (!PyUnicode_Check(objective.ptr())) {
      throw py::type_error(std::string(fn) + ": objective must be 'total', 'fair' or 'stable', not " +
                           py_type_name(objective));
    }
    in.objective = replaced_utf8(objective);
  }
  read_match_pairs(fn, pairs, &in);
  read_match_mentors(fn, mentors, &in);
  if (!pinned.is_none()) in.pinned = read_id_pairs(fn, "pinned", pinned, false);
  rcp::MatchResult r = guard(fn, [&] {
    py::gil_scoped_release release;
    return rcp::match(in);
  });
  PyMatching out;
  out.objective = rcp::match_objective_name(r.objective);
  out.pairs = std::move(r.pairs);
  out.audit = std::move(r.audit);
  return out;
}

rcp::MatchAudit audit_py(const py::handle& pairs, const py::handle& matching, const py::handle& mentors) {
  const char* fn = "audit";
  rcp::MatchInput in;
  read_match_pairs(fn, pairs, &in);
  read_match_mentors(fn, mentors, &in);
  std::vector<std::pair<std::int64_t, std::int64_t>> m = read_id_pairs(fn, "matching", matching, true);
  return guard(fn, [&] {
    py::gil_scoped_release release;
    return rcp::audit(in, m);
  });
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  py::options options;
  options.disable_function_signatures();  // the docstrings carry typed signatures; the .pyi the types

  m.doc() = R"doc(Private C++ module of the ``reciprocity`` package. Use ``import reciprocity``.)doc";
  m.attr("__version__") = RCP_VERSION_STRING;
  m.attr("PROFILE_FORMAT_VERSION") = rcp::kFormatVersion;
  m.attr("MAX_LEVEL") = rcp::kMaxLevel;
  {
    py::tuple modes = py::make_tuple("harmonic", "geometric", "min", "mean", "uninorm");
    m.attr("MODES") = modes;
  }

  static const char* const kModeNames[5] = {"harmonic", "geometric", "min", "mean", "uninorm"};
  for (int i = 0; i < 5; ++i) {
    g_mode_names[i] = PyUnicode_InternFromString(kModeNames[i]);  // kept for the life of the process
    if (!g_mode_names[i]) throw py::error_already_set();
  }

  py::class_<rcp::Profile> profile_class(m, "Profile", R"doc(Profile(topics=None)

What one person brings and seeks: for each topic a ``level`` in [0, 5]
(how well they know it now) and a ``want`` >= 0 (how much they want to
learn it; only relative sizes matter).

``topics`` is a mapping in the same shape as the SQL JSON form
(``reciprocity_profile_json``): ``{topic: {"level": L, "want": W}}``.
A missing or ``None`` level/want counts as 0; topic names are trimmed and
compared ASCII-case-insensitively, and a topic given twice keeps the larger
level and the larger want. Profiles are immutable and hashable.

Raises ``TypeError`` for values of the wrong type and ``ValueError`` for a
bad topic name or an out-of-range value, with the SQL face's message:

>>> import reciprocity
>>> p = reciprocity.Profile({"python": {"level": 4}, "Finance ": {"level": 1, "want": 3}})
>>> p
Profile({'finance': {'level': 1.0, 'want': 3.0}, 'python': {'level': 4.0}})
>>> len(p), "PYTHON" in p, p.level("python"), p.want("finance")
(2, True, 4.0, 3.0)
>>> reciprocity.Profile({"python": {"level": 7}})
Traceback (most recent call last):
    ...
ValueError: Profile: level 7 for topic 'python' is outside [0, 5]
)doc");
  g_profile_type = reinterpret_cast<PyTypeObject*>(profile_class.ptr());
  profile_class
      .def(py::init([](const py::object& topics) { return profile_from_mapping("Profile", topics); }),
           py::arg("topics") = py::none())
      .def_static(
          "from_bytes",
          [](const py::object& data) {
            const char* fn = "Profile.from_bytes";
            if (py::isinstance<rcp::Profile>(data)) return rcp::Profile(held_profile(fn, "argument 1", data));
            ProfileArg a = profile_arg(fn, 1, data);
            return rcp::Profile::from_blob(a.view.bytes(), a.view.byte_size());
          },
          py::arg("data"), R"doc(from_bytes(data: bytes | bytearray | memoryview) -> Profile

The profile stored in ``data``: the versioned binary format of the SQL
BLOBs (what ``reciprocity_profile`` returns), e.g. a column value read
with ``sqlite3``. Raises ``ValueError`` when the bytes are not a valid
profile, naming the problem.

>>> import reciprocity
>>> p = reciprocity.Profile({"python": {"level": 4}})
>>> reciprocity.Profile.from_bytes(p.to_bytes()) == p
True
>>> reciprocity.Profile.from_bytes(b"nope")
Traceback (most recent call last):
    ...
ValueError: Profile.from_bytes: argument 1 is not a reciprocity profile: truncated: 4 bytes, a profile has at least 16
)doc")
      .def_static(
          "from_json",
          [](const py::object& text) {
            const char* fn = "Profile.from_json";
            if (!py::isinstance<py::str>(text)) {
              throw py::type_error(std::string(fn) + ": argument 1 must be JSON text (str), not " + py_type_name(text));
            }
            PyObject* utf8 = PyUnicode_AsUTF8String(text.ptr());
            if (!utf8) {
              PyErr_Clear();
              throw py::value_error(std::string(fn) + ": text is not valid UTF-8 (it holds a lone surrogate)");
            }
            auto owned = py::reinterpret_steal<py::bytes>(utf8);
            std::string_view s(PyBytes_AS_STRING(utf8), static_cast<std::size_t>(PyBytes_GET_SIZE(utf8)));
            return guard(fn, [&] { return rcp::profile_from_json(s); });
          },
          py::arg("text"), R"doc(from_json(text: str) -> Profile

The profile of a JSON text, exactly as ``reciprocity_profile_json`` in SQL
reads it: ``{"python": {"level": 4}, "finance": {"level": 1, "want": 3}}``.

>>> import reciprocity
>>> reciprocity.Profile.from_json('{"python": {"level": 4}}')
Profile({'python': {'level': 4.0}})
>>> reciprocity.Profile.from_json('{"python": 4}')
Traceback (most recent call last):
    ...
ValueError: Profile.from_json: topic 'python' must map to an object like {"level": 3, "want": 1}, not a number
)doc")
      .def_static("from_rows", &profile_from_rows, py::arg("rows"),
                  R"doc(from_rows(rows: Iterable[tuple[str | None, float | None, float | None]]) -> Profile

The profile of ``(topic, level, want)`` rows, merged like the SQL aggregate
``reciprocity_profile``: rows with a ``None`` topic are skipped, a ``None``
level or want counts as 0, and a topic seen twice keeps the larger level and
the larger want. Handy for rows fetched from skills and learning-goals tables.

>>> import reciprocity
>>> reciprocity.Profile.from_rows([("python", 4, None), ("finance", 1, 0), ("Finance", None, 3)])
Profile({'finance': {'level': 1.0, 'want': 3.0}, 'python': {'level': 4.0}})
)doc")
      .def("to_bytes",
           method("Profile.to_bytes", +[](const rcp::Profile& self) {
             const auto& b = self.blob();
             return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
           }),
           R"doc(to_bytes() -> bytes

The profile in its versioned binary format: the same bytes as the SQL
BLOBs, so it can be stored in a table and used by the SQL functions.

>>> import reciprocity
>>> b = reciprocity.Profile({"python": {"level": 4}}).to_bytes()
>>> b[:4], len(b)
(b'RcpP', 50)
)doc")
      .def("__bytes__",
           method("Profile.__bytes__", +[](const rcp::Profile& self) {
             const auto& b = self.blob();
             return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
           }),
           R"doc(__bytes__() -> bytes

Same as ``to_bytes()``.

>>> import reciprocity
>>> p = reciprocity.Profile({"python": {"level": 4}})
>>> bytes(p) == p.to_bytes()
True
)doc")
      .def("__conform__",
           method("Profile.__conform__", +[](const rcp::Profile& self, const py::object&) {
             const auto& b = self.blob();
             return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
           }),
           py::arg("protocol"), R"doc(__conform__(protocol) -> bytes

Lets ``sqlite3`` bind a Profile as a query parameter: it is stored as its
BLOB (``to_bytes()``).

>>> import sqlite3, reciprocity
>>> conn = sqlite3.connect(":memory:")
>>> conn.execute("SELECT length(?)", (reciprocity.Profile({"python": {"level": 4}}),)).fetchone()
(50,)
)doc")
      .def("to_dict",
           method("Profile.to_dict", +[](const rcp::Profile& self) { return profile_to_dict(self.view()); }),
           R"doc(to_dict() -> dict[str, dict[str, float]]

The profile as a dict in the SQL JSON shape (what
``reciprocity_profile_to_json`` returns): canonical topic names in byte
order, ``"want"`` only when it is above 0. ``Profile(p.to_dict()) == p``.

>>> import reciprocity
>>> reciprocity.Profile({"Python": {"level": 4, "want": 0}, "go": {"want": 2}}).to_dict()
{'go': {'level': 0.0, 'want': 2.0}, 'python': {'level': 4.0}}
)doc")
      .def("to_json",
           method("Profile.to_json", +[](const rcp::Profile& self) { return rcp::profile_to_json(self.view()); }),
           R"doc(to_json() -> str

The profile as JSON text, byte for byte what ``reciprocity_profile_to_json``
returns in SQL.

>>> import reciprocity
>>> reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 3}}).to_json()
'{"finance":{"level":1,"want":3},"python":{"level":4}}'
)doc")
      .def("level",
           method("Profile.level", +[](const rcp::Profile& self, const py::object& t) {
             return topic_value(self, t, true, "Profile.level");
           }),
           py::arg("topic"), R"doc(level(topic: str) -> float

The level of ``topic`` (name compared trimmed, ASCII-case-insensitively),
0.0 when the profile does not hold it.

>>> import reciprocity
>>> p = reciprocity.Profile({"python": {"level": 4}})
>>> p.level(" Python"), p.level("finance")
(4.0, 0.0)
)doc")
      .def("want",
           method("Profile.want", +[](const rcp::Profile& self, const py::object& t) {
             return topic_value(self, t, false, "Profile.want");
           }),
           py::arg("topic"), R"doc(want(topic: str) -> float

The want of ``topic`` as given (not normalised), 0.0 when absent.

>>> import reciprocity
>>> reciprocity.Profile({"finance": {"level": 1, "want": 3}}).want("finance")
3.0
)doc")
      .def_property_readonly(
          "topics",
          method("Profile.topics", +[](const rcp::Profile& self) {
            py::list out;
            const auto& p = self.view();
            for (std::size_t i = 0; i < p.size(); ++i) {
              std::string_view t = p.topic(i);
              out.append(py::str(t.data(), t.size()));
            }
            return py::tuple(out);
          }),
          R"doc(The canonical topic names, in byte order (a tuple of str).

>>> import reciprocity
>>> reciprocity.Profile({"Python": {"level": 4}, "finance": {"want": 1}}).topics
('finance', 'python')
)doc")
      .def("__len__", method("Profile.__len__", +[](const rcp::Profile& self) { return self.size(); }),
           R"doc(__len__() -> int

The number of topics.

>>> import reciprocity
>>> len(reciprocity.Profile({"python": {"level": 4}, "finance": {"want": 1}}))
2
)doc")
      .def("__contains__",
           method("Profile.__contains__", +[](const rcp::Profile& self, const py::object& t) {
             std::string c;
             return canonical_or_false(t, &c) && self.view().find(c) != self.view().size();
           }),
           py::arg("topic"), R"doc(__contains__(topic: object) -> bool

Whether the profile holds ``topic`` (trimmed, ASCII-case-insensitive).
Anything that cannot be a topic name is simply not in it.

>>> import reciprocity
>>> p = reciprocity.Profile({"python": {"level": 4}})
>>> "Python " in p, "go" in p, 3 in p
(True, False, False)
)doc")
      .def("__iter__",
           method("Profile.__iter__", +[](const rcp::Profile& self) {
             py::list out;
             const auto& p = self.view();
             for (std::size_t i = 0; i < p.size(); ++i) {
               std::string_view t = p.topic(i);
               out.append(py::str(t.data(), t.size()));
             }
             return py::iter(out);
           }),
           R"doc(__iter__() -> Iterator[str]

Iterates over the canonical topic names, in byte order.

>>> import reciprocity
>>> list(reciprocity.Profile({"python": {"level": 4}, "finance": {"want": 1}}))
['finance', 'python']
)doc")
      .def("__eq__",
           method("Profile.__eq__", +[](const rcp::Profile& self, const py::object& other) -> py::object {
             if (!py::isinstance<rcp::Profile>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(self == held_profile("Profile.__eq__", "other", other));
           }),
           py::is_operator(), R"doc(__eq__(other: object) -> bool

Profiles are equal when they hold the same topics with the same levels and
wants (after canonical naming), i.e. when their bytes are equal.

>>> import reciprocity
>>> reciprocity.Profile({"Python": {"level": 4}}) == reciprocity.Profile({"python ": {"level": 4.0}})
True
)doc")
      .def("__ne__",
           method("Profile.__ne__", +[](const rcp::Profile& self, const py::object& other) -> py::object {
             if (!py::isinstance<rcp::Profile>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(self != held_profile("Profile.__ne__", "other", other));
           }),
           py::is_operator())
      .def("__hash__",
           method("Profile.__hash__", +[](const rcp::Profile& self) {
             const auto& b = self.blob();
             return py::hash(py::bytes(reinterpret_cast<const char*>(b.data()), b.size()));
           }),
           R"doc(__hash__() -> int

Profiles are immutable, so they can be dict keys and set members.

>>> import reciprocity
>>> len({reciprocity.Profile({"python": {"level": 4}}), reciprocity.Profile({"PYTHON": {"level": 4}})})
1
)doc")
      .def("__repr__",
           [](const py::object& self) {
             const rcp::Profile* p = initialised_profile(self);
             return p ? profile_repr(*p) : std::string("<Profile (uninitialised)>");
           })
      .def(py::pickle([](const py::object& self) {
                        const auto& b = held_profile("Profile.__getstate__", "self", self).blob();
                        return py::make_tuple(py::bytes(reinterpret_cast<const char*>(b.data()), b.size()));
                      },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw py::value_error("Profile: bad pickle state");
                        ProfileArg a = profile_arg("Profile.__setstate__", 1, state[0]);
                        return rcp::Profile::from_blob(a.view.bytes(), a.view.byte_size());
                      }))
      // copyreg.__newobj__(cls) and __setstate__: what protocols 2+ write anyway,
      // spelled out so that protocols 0 and 1 work too (their default,
      // copyreg._reduce_ex, calls pybind11's base type, which aborts).
      .def("__reduce__", [](const py::object& self) {
        py::object state = self.attr("__getstate__")();
        return py::make_tuple(py::module_::import("copyreg").attr("__newobj__"), py::make_tuple(py::type::of(self)),
                              state);
      });

  // score and benefit: raw METH_FASTCALL functions (see kRawMethods).
  for (PyMethodDef* def = kRawMethods; def->ml_name; ++def) {
    py::object f = py::reinterpret_steal<py::object>(PyCFunction_NewEx(def, nullptr, m.attr("__name__").ptr()));
    if (!f) throw py::error_already_set();
    m.attr(def->ml_name) = f;
  }

  m.def(
      "explain",
      [](const py::object& a, const py::object& b, const py::object& mode) {
        ProfileArg pa = profile_arg("explain", 1, a);
        ProfileArg pb = profile_arg("explain", 2, b);
        rcp::Mode md = mode_arg("explain", mode);
        return explanation_to_dict(guard("explain", [&] { return rcp::explain(pa.view, pb.view, md); }));
      },
      py::arg("a"), py::arg("b"), py::arg("mode") = "harmonic",
      R"doc(explain(a: Profile | bytes, b: Profile | bytes, mode: str = "harmonic") -> dict

Why the pair scores what it does, as a dict with the keys of the SQL
``reciprocity_explain`` JSON: ``mode``, ``score``, ``balance`` (min/max of
the two benefits; 0 when both are 0), and ``a_gets`` / ``b_gets``, each
``{"benefit": float, "topics": [{"topic", "giver_level", "receiver_level",
"want", "weight", "contribution"}, ...]}`` with topics by contribution,
largest first.

>>> import reciprocity
>>> exec_ = reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}})
>>> dev = reciprocity.Profile({"python": {"level": 4}, "finance": {"level": 1, "want": 1}})
>>> e = reciprocity.explain(exec_, dev)
>>> e["a_gets"]["topics"][0]["topic"], e["b_gets"]["topics"][0]["topic"], e["balance"]
('python', 'finance', 1.0)
)doc");

  g_cancelled = PyErr_NewExceptionWithDoc("reciprocity.Cancelled", R"doc(Cancelled(message)

Raised by ``top_partners`` when its ``progress`` callback returns ``False``:
the run stopped early and there is no result. A subclass of ``Exception``
(not of ``KeyboardInterrupt``: Ctrl-C during ``top_partners`` raises
``KeyboardInterrupt`` itself).

>>> import reciprocity
>>> people = {1: reciprocity.Profile({"go": {"level": 4}, "sql": {"want": 1}}),
...           2: reciprocity.Profile({"sql": {"level": 5}, "go": {"want": 1}})}
>>> try:
...     reciprocity.top_partners(people, 3, progress=lambda done, total: False)
... except reciprocity.Cancelled as e:
...     print(e)
top_partners: cancelled by the progress callback
)doc", PyExc_Exception, nullptr);
  if (!g_cancelled) throw py::error_already_set();
  m.attr("Cancelled") = py::reinterpret_borrow<py::object>(g_cancelled);  // the module keeps one more reference

  m.def("top_partners", &top_partners, py::arg("profiles"), py::arg("k"), py::arg("exclude") = py::none(),
        py::arg("threads") = 0, py::arg("progress") = py::none(), py::arg("mode") = "harmonic",
        R"doc(top_partners(profiles: Mapping[Id, Profile | bytes], k: int, exclude: Iterable[tuple[Id, Id]] | None = None, threads: int = 0, progress: Callable[[int, int], object] | None = None, mode: str = "harmonic") -> dict[Id, list[tuple[Id, float]]]

The ``k`` best partners of *everyone* in ``profiles`` (a mapping id ->
profile): a dict ``{id: [(partner, score), ...]}`` with every id of
``profiles`` as a key, in ascending id order, each list best first (score
descending, then partner id ascending, as ``best_partners``). Partners with
score 0 (no two-way gain) and excluded pairs are never proposed, so a list
may be shorter than ``k``, or empty.

The result is exactly what scoring all pairs with ``score`` would give --
the same partners and the same scores, whatever ``threads`` -- but an index
over topics skips the pairs that cannot score, so 100,000 people take
seconds, not hours.

- ``profiles``: ids are any mutually comparable keys (all int or all str);
  values are ``Profile`` objects or their bytes.
- ``exclude``: ``(a, b)`` id pairs never proposed, either way round (a
  manager and their report, earlier partners); ids not in ``profiles`` are
  ignored.
- ``threads``: worker threads, 0 (default) = one per core.
- ``progress``: called as ``progress(done, total)`` in the calling thread,
  after the index is built (``done`` = 0), about every 0.1 s, and at the end
  (``done == total``). Return ``False`` to cancel: ``top_partners`` then
  raises ``reciprocity.Cancelled``. Any other return value (``None``
  included) goes on. An exception raised by the callback stops the run and
  propagates.
- ``mode``: as for ``score``.

The work runs in C++ without the GIL; other Python threads keep running.
Ctrl-C interrupts it (``KeyboardInterrupt``) within about 0.1 s.

>>> import reciprocity
>>> P = reciprocity.Profile
>>> people = {
...     "ana": P({"python": {"level": 5}, "finance": {"want": 1}}),
...     "ben": P({"python": {"level": 1, "want": 1}, "finance": {"level": 4}}),
...     "cy":  P({"python": {"want": 2}, "finance": {"level": 5}}),
...     "dee": P({"cooking": {"level": 2}}),
... }
>>> top = reciprocity.top_partners(people, k=2)
>>> [(p, round(s, 2)) for p, s in top["ana"]]
[('cy', 1.0), ('ben', 0.8)]
>>> top["dee"]
[]
>>> reciprocity.top_partners(people, k=2, exclude=[("cy", "ana")])["ana"][0][0]
'ben'
)doc");

  m.def("best_partners", &best_partners, py::arg("me"), py::arg("candidates"), py::arg("k"),
        py::arg("mode") = "harmonic",
        R"doc(best_partners(me: Profile | bytes, candidates: Mapping[Id, Profile | bytes], k: int, mode: str = "harmonic") -> list[tuple[Id, float]]

The ``k`` candidates with the highest ``score(me, candidate, mode)``, as
``(id, score)`` pairs: score descending, then id ascending; candidates that
score 0 (no two-way gain) are left out, so the list may be shorter than
``k``. Ids are any mutually comparable keys (all int or all str). The
scoring runs in C++ without holding the GIL.

>>> import reciprocity
>>> me = reciprocity.Profile({"python": {"level": 4}, "finance": {"want": 1}})
>>> people = {
...     7: reciprocity.Profile({"finance": {"level": 5}, "python": {"want": 1}}),
...     3: reciprocity.Profile({"finance": {"level": 5}, "python": {"level": 1, "want": 1}}),
...     9: reciprocity.Profile({"finance": {"level": 5}}),
... }
>>> [(i, round(s, 3)) for i, s in reciprocity.best_partners(me, people, k=2)]
[(7, 0.889), (3, 0.75)]
)doc");

  py::class_<rcp::MatchAudit>(m, "MatchAudit", R"doc(MatchAudit

The audit of a matching against its candidate pairs (read-only), from
``match(...).audit`` or ``audit(pairs, matching)``:

- ``people``: everyone in the candidate pairs (and the mentors);
- ``pairs``: the number of pairs in the matching; ``total``: their score sum;
- ``weakest_score``: the lowest pair score (0 with no pair), what the
  ``fair`` objective maximises;
- ``worst_off`` / ``worst_off_score``: the person whose weakest pair is the
  weakest (0 when unmatched; an unmatched person first, then the smaller id),
  and that score; both ``None`` when there are no people;
- ``unmatched``: people with no pair;
- ``blocking_pairs``: candidate pairs ``(a, b)`` (``a < b``, sorted) not in the
  matching whose two people would both rather be together: each has a free
  place or ranks the other above their worst current partner, ranking by
  their own gain, then the score, then the smaller id;
- ``stable``: no blocking pair; ``explanation``: ``""`` when stable, else why.

>>> import reciprocity
>>> a = reciprocity.audit([(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)], [(1, 2), (3, 4)])
>>> a
MatchAudit(pairs=2, total=1.7000000000000002, weakest_score=0.8, worst_off=3, worst_off_score=0.8, unmatched=0, blocking_pairs=[(2, 3)], stable=False)
>>> a.blocking_pairs, a.stable
([(2, 3)], False)
)doc")
      .def_readonly("people", &rcp::MatchAudit::people)
      .def_readonly("pairs", &rcp::MatchAudit::pairs)
      .def_readonly("total", &rcp::MatchAudit::total)
      .def_readonly("weakest_score", &rcp::MatchAudit::weakest_score)
      .def_property_readonly("worst_off",
                             [](const rcp::MatchAudit& a) -> py::object {
                               return a.has_worst_off ? py::object(py::int_(a.worst_off)) : py::object(py::none());
                             })
      .def_property_readonly("worst_off_score",
                             [](const rcp::MatchAudit& a) -> py::object {
                               return a.has_worst_off ? py::object(py::float_(a.worst_off_score))
                                                      : py::object(py::none());
                             })
      .def_readonly("unmatched", &rcp::MatchAudit::unmatched)
      .def_property_readonly("blocking_pairs", &blocking_list)
      .def_readonly("stable", &rcp::MatchAudit::stable)
      .def_readonly("explanation", &rcp::MatchAudit::explanation)
      .def("__repr__", &audit_repr);

  py::class_<PyMatching>(m, "Matching", R"doc(Matching

The result of ``match`` (read-only): ``objective`` (the objective used),
``pairs``, a list of ``(a, b, score)`` tuples -- ``a < b`` sorted by
``(a, b)``; with mentors ``(mentor, mentee, score)`` sorted by mentor, then
mentee -- and ``audit``, the ``MatchAudit`` of those pairs.
``len(m)`` and ``iter(m)`` go over the pairs.

>>> import reciprocity
>>> m = reciprocity.match([(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)])
>>> m
Matching(objective='total', pairs=[(1, 2, 0.9), (3, 4, 0.8)])
>>> len(m), m.audit.unmatched
(2, 0)
)doc")
      .def_readonly("objective", &PyMatching::objective)
      .def_property_readonly("pairs", [](const PyMatching& x) { return pairs_list(x.pairs); })
      .def_readonly("audit", &PyMatching::audit)
      .def("__len__", [](const PyMatching& x) { return x.pairs.size(); })
      .def("__iter__", [](const PyMatching& x) { return pairs_list(x.pairs).attr("__iter__")(); })
      .def("__repr__", [](const PyMatching& x) {
        return "Matching(objective='" + x.objective + "', pairs=" + std::string(py::repr(pairs_list(x.pairs))) + ")";
      });

  m.def("match", &match_py, py::arg("pairs"), py::arg("objective") = "total", py::arg("mentors") = py::none(),
        py::arg("pinned") = py::none(),
        R"doc(match(pairs: Iterable[tuple[int, int, float] | tuple[int, int, float, float, float]], objective: str = "total", mentors: Mapping[int, int] | None = None, pinned: Iterable[tuple[int, int]] | None = None) -> Matching

Pairs a whole cohort at once: the provably best set of two-way pairs from
the candidate ``pairs`` under ``objective``, with its audit (a ``Matching``).
The same engine as SQL's ``reciprocity_match``.

- ``pairs``: candidate pairs ``(a, b, score)`` or, all of them,
  ``(a, b, score, a_gain, b_gain)`` with int ids. A pair that is not a
  candidate is never formed (hard constraints are pairs left out); ``(a, b)``
  and ``(b, a)`` are the same pair. Scores and gains are finite and >= 0,
  scores at most 4096. ``a_gain`` is what ``a`` gets from ``b``, ``b_gain``
  what ``b`` gets from ``a``: each person's own benefit, which ranks their
  partners for ``stable`` and the audit (else the score does).
- ``objective``: ``"total"`` the largest sum of scores (exact
  maximum-weight matching; pairs of score 0 are not formed); ``"fair"`` as
  many pairs as possible, then the weakest pair as strong as possible, then
  the largest total; ``"stable"`` Irving's stable roommates on each person's
  own ranking -- when no stable matching exists, the one with the fewest
  blocking pairs found, with ``audit.stable`` False and an explanation.
- ``mentors``: ``{mentor id: capacity >= 1}``: a two-sided problem where each
  mentor takes up to ``capacity`` mentees and everyone else is a mentee
  (one mentor); every pair must join a mentor and a mentee. ``"total"`` only.
- ``pinned``: ``(a, b)`` pairs that must be in the result (they must be
  candidates); the rest is optimised around them.

The same pairs in any order give the same result. Bad input raises
``ValueError`` (``TypeError`` for wrong types) with the message the SQL
function gives, e.g. ``match: candidate pair (3, 3) is a self-pair``. The
work runs in C++ without the GIL.

>>> import reciprocity
>>> pairs = [(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)]
>>> reciprocity.match(pairs).pairs
[(1, 2, 0.9), (3, 4, 0.8)]
>>> s = reciprocity.match(pairs, objective="stable")
>>> s.pairs, s.audit.stable, s.audit.unmatched
([(2, 3, 1.0)], True, 2)
>>> reciprocity.match(pairs, pinned=[(3, 2)]).pairs
[(2, 3, 1.0)]
>>> reciprocity.match([(1, 10, 0.9), (1, 11, 0.8), (2, 11, 0.5)], mentors={1: 2, 2: 1}).pairs
[(1, 10, 0.9), (1, 11, 0.8)]
)doc");

  m.def("audit", &audit_py, py::arg("pairs"), py::arg("matching"), py::arg("mentors") = py::none(),
        R"doc(audit(pairs: Iterable[tuple[int, int, float] | tuple[int, int, float, float, float]], matching: Iterable[tuple[int, int] | tuple[int, int, float]], mentors: Mapping[int, int] | None = None) -> MatchAudit

The ``MatchAudit`` of a matching of your own (``(a, b)`` pairs, either
orientation; ``(a, b, score)`` tuples such as ``match(...).pairs`` are fine,
their score is ignored) against the candidate ``pairs`` and ``mentors`` (as
for ``match``): blocking pairs, the worst-off person, the unmatched, the
total. Raises ``ValueError`` for a matching pair that is not a candidate, a
person in two pairs (a mentor over its capacity), and every input error of
``match``.

>>> import reciprocity
>>> pairs = [(1, 2, 0.9), (2, 3, 1.0), (3, 4, 0.8)]
>>> a = reciprocity.audit(pairs, [(2, 3)])
>>> a.total, a.unmatched, a.worst_off, a.worst_off_score, a.stable
(1.0, 2, 1, 0.0, True)
)doc");
}
