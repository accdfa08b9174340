#include "expand/api/py_object.h"

#include <cstdio>

#include "core/utf8.h"
#include "expand/python_json.h"

namespace samshift::expand::api {

using model::Node;

namespace {

constexpr size_t kMinSize = 8;
constexpr unsigned kPerturbShift = 5;
constexpr size_t kLargeDict = 50000;

std::vector<uint32_t> codePoints(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size();) out.push_back(core::decodeUtf8(text, i));
  return out;
}

std::string hex(uint32_t value, int digits) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "%0*x", digits, value);
  return buffer;
}

// repr() of a str: Python 3's for ASCII text; a Py27UniStr prints its unicode_escape form after
// `u`, which covers non-ASCII text too. A plain str with non-ASCII text is not modelled.
std::string strRepr(std::string_view text, bool unicode, bool& ok) {
  bool single = text.find('\'') != std::string_view::npos;
  bool dbl = text.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out = unicode ? "u" : "";
  out += quote;
  for (uint32_t c : codePoints(text)) {
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x" + hex(c, 2);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (!unicode) {
      ok = false;
    } else if (c < 0x100) {
      out += "\\x" + hex(c, 2);
    } else if (c < 0x10000) {
      out += "\\u" + hex(c, 4);
    } else {
      out += "\\U" + hex(c, 8);
    }
  }
  out += quote;
  return out;
}

}  // namespace

uint64_t py27StringHash(std::string_view text) {
  std::vector<uint32_t> chars = codePoints(text);
  if (chars.empty()) return 0;
  uint64_t x = static_cast<uint64_t>(chars[0]) << 7;
  for (uint32_t c : chars) x = (1000003ULL * x) ^ c;
  return x ^ chars.size();
}

size_t Py27KeyOrder::indexOf(const std::string& key, uint64_t hash) const {
  // lookdict_string's open addressing: the slot of the key, or the empty slot it would take.
  const size_t mask = used_.size() - 1;
  size_t i = hash & mask;
  uint64_t walker = i;
  uint64_t perturb = hash;
  while (used_[i] && slots_[i] != key) {
    walker = (walker << 2) + walker + perturb + 1;
    i = walker & mask;
    perturb >>= kPerturbShift;
  }
  return i;
}

void Py27KeyOrder::resize(size_t request) {
  size_t newSize = kMinSize;
  while (newSize <= request) newSize <<= 1;
  std::vector<std::string> old = keys();
  used_.assign(newSize, false);
  slots_.assign(newSize, std::string());
  size_ = 0;
  for (const std::string& key : old) add(key);
}

void Py27KeyOrder::add(const std::string& key) {
  size_t i = indexOf(key, py27StringHash(key));
  if (used_[i]) return;
  used_[i] = true;
  slots_[i] = key;
  ++size_;
  // Python 2.7 grows a dict two-thirds full to four times its size (twice, when large).
  if (size_ * 3 >= used_.size() * 2) resize(size_ * (size_ > kLargeDict ? 2 : 4));
}

std::vector<std::string> Py27KeyOrder::keys() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < used_.size(); ++i) {
    if (used_[i]) out.push_back(slots_[i]);
  }
  return out;
}

PyObject PyObject::boolean(bool value) {
  PyObject object(Kind::kBool);
  object.flag_ = value;
  return object;
}

PyObject PyObject::integer(int64_t value) {
  PyObject object(Kind::kInt);
  object.int_ = value;
  return object;
}

PyObject PyObject::real(double value) {
  PyObject object(Kind::kFloat);
  object.real_ = value;
  return object;
}

PyObject PyObject::str(std::string text, bool unicode) {
  PyObject object(Kind::kStr);
  object.text_ = std::move(text);
  object.flag_ = unicode;
  return object;
}

PyObject PyObject::list() { return PyObject(Kind::kList); }

PyObject PyObject::dict(bool py27) {
  PyObject object(Kind::kDict);
  object.flag_ = py27;
  return object;
}

PyObject PyObject::fromTemplate(const Node& node) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      return none();
    case model::NodeKind::kBool:
      return boolean(node.boolValue());
    case model::NodeKind::kInt:
      return integer(node.intValue());
    case model::NodeKind::kFloat:
      return real(node.floatValue());
    case model::NodeKind::kString:
      return str(node.text(), true);
    case model::NodeKind::kSequence: {
      PyObject out = list();
      for (const Node& item : node.items()) out.push(fromTemplate(item));
      return out;
    }
    case model::NodeKind::kMapping: {
      PyObject out = dict(true);
      for (const model::MapEntry& entry : node.entries()) out.set(entry.key.text(), fromTemplate(entry.value), true);
      return out;
    }
  }
  return none();
}

size_t PyObject::indexOf(std::string_view key) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].first == key) return i;
  }
  return keys_.size();
}

PyObject* PyObject::get(std::string_view key) {
  size_t i = indexOf(key);
  return i < keys_.size() ? &values_[i] : nullptr;
}

const PyObject* PyObject::get(std::string_view key) const {
  size_t i = indexOf(key);
  return i < keys_.size() ? &values_[i] : nullptr;
}

PyObject& PyObject::set(const std::string& key, PyObject value, bool unicodeKey) {
  size_t i = indexOf(key);
  if (i == keys_.size()) {
    // Python keeps the key object already in the dict; only a new key brings its own.
    keys_.emplace_back(key, unicodeKey);
    values_.push_back(std::move(value));
  } else {
    values_[i] = std::move(value);
  }
  if (flag_) order_.add(key);
  return values_[i];
}

PyObject& PyObject::setdefault(const std::string& key, PyObject value, bool unicodeKey) {
  if (PyObject* existing = get(key)) return *existing;
  return set(key, std::move(value), unicodeKey);
}

void PyObject::push(PyObject value) { values_.push_back(std::move(value)); }

std::vector<size_t> PyObject::iterationOrder() const {
  std::vector<size_t> out;
  if (kind_ != Kind::kDict || !flag_) {
    for (size_t i = 0; i < keys_.size(); ++i) out.push_back(i);
    return out;
  }
  for (const std::string& key : order_.keys()) out.push_back(indexOf(key));
  return out;
}

PyObject PyObject::deepcopy() const {
  PyObject copy(kind_);
  copy.flag_ = flag_;
  copy.int_ = int_;
  copy.real_ = real_;
  copy.text_ = text_;
  if (kind_ == Kind::kList) {
    for (const PyObject& item : values_) copy.values_.push_back(item.deepcopy());
  } else if (kind_ == Kind::kDict) {
    // Py27Dict.__deepcopy__ rebuilds the key table in iteration order, then the values.
    for (size_t i : iterationOrder()) {
      copy.keys_.push_back(keys_[i]);
      copy.values_.push_back(values_[i].deepcopy());
      if (flag_) copy.order_.add(keys_[i].first);
    }
  }
  return copy;
}

std::string PyObject::repr(bool& ok) const {
  switch (kind_) {
    case Kind::kNone:
      return "None";
    case Kind::kBool:
      return flag_ ? "True" : "False";
    case Kind::kInt:
      return std::to_string(int_);
    case Kind::kFloat:
      return pythonFloatRepr(real_);
    case Kind::kStr:
      return strRepr(text_, flag_, ok);
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < values_.size(); ++i) out += (i ? ", " : "") + values_[i].repr(ok);
      return out + "]";
    }
    case Kind::kDict: {
      std::string out = "{";
      bool first = true;
      for (size_t i : iterationOrder()) {
        out += first ? "" : ", ";
        first = false;
        out += strRepr(keys_[i].first, keys_[i].second, ok) + ": " + values_[i].repr(ok);
      }
      return out + "}";
    }
  }
  return "";
}

Node PyObject::toNode() const {
  switch (kind_) {
    case Kind::kNone:
      return Node::null();
    case Kind::kBool:
      return Node::boolean(flag_);
    case Kind::kInt:
      return Node::integer(int_);
    case Kind::kFloat:
      return Node::floating(real_);
    case Kind::kStr:
      return Node::string(text_);
    case Kind::kList: {
      Node out = Node::sequence();
      for (const PyObject& item : values_) out.push(item.toNode());
      return out;
    }
    case Kind::kDict: {
      Node out = Node::mapping();
      for (size_t i = 0; i < keys_.size(); ++i) out.set(keys_[i].first, values_[i].toNode());
      return out;
    }
  }
  return Node::null();
}

}  // namespace samshift::expand::api
