#include "expand/api/py_object.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/utf8.h"
#include "expand/python_json.h"
#include "model/scalar_resolver.h"

namespace samshift::expand::api {

using model::Node;

namespace {

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
      if (model::bigInteger(node) == model::BigInteger::kDecimal) {
        // A Python int beyond 64 bits; the node is kept to be written back as it was.
        PyObject big(Kind::kInt);
        big.text_ = model::bigIntegerDigits(node);
        big.real_ = node.floatValue();
        big.flag_ = true;
        return big;
      }
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
      for (const model::MapEntry& entry : node.entries())
        out.set(entry.key.text(), fromTemplate(entry.value), true);
      return out;
    }
  }
  return none();
}

const PyObject& PyObject::caughtUp(const PyObject& child) const {
  const uint64_t missed = copies_ - child.containerCopiesSeen_;
  if (missed != 0) {
    child.copies_ += missed;
    child.containerCopiesSeen_ = copies_;
    if (child.isPy27Dict()) child.keys_.deepcopied(missed);
  }
  return child;
}

PyObject* PyObject::get(std::string_view key) {
  size_t i = kind_ == Kind::kDict ? keys_.find(key) : Py27KeyOrder::kAbsent;
  if (i == Py27KeyOrder::kAbsent) return nullptr;
  caughtUp(values_[i]);
  return &values_[i];
}

const PyObject* PyObject::get(std::string_view key) const {
  size_t i = kind_ == Kind::kDict ? keys_.find(key) : Py27KeyOrder::kAbsent;
  return i == Py27KeyOrder::kAbsent ? nullptr : &caughtUp(values_[i]);
}

PyObject& PyObject::set(const std::string& key, PyObject value, bool unicodeKey) {
  value.containerCopiesSeen_ = copies_;
  size_t i = keys_.find(key);
  if (i == Py27KeyOrder::kAbsent) {
    // Python keeps the key object already in the dict; only a new key brings its own.
    i = keys_.add(key);
    values_.push_back(std::move(value));
    unicodeKeys_.push_back(unicodeKey);
  } else {
    values_[i] = std::move(value);
  }
  return values_[i];
}

bool PyObject::keyIsUnicode(std::string_view key) const {
  size_t i = kind_ == Kind::kDict ? keys_.find(key) : Py27KeyOrder::kAbsent;
  return i != Py27KeyOrder::kAbsent && unicodeKeys_[i];
}

PyObject& PyObject::setdefault(const std::string& key, PyObject value, bool unicodeKey) {
  if (PyObject* existing = get(key)) return *existing;
  return set(key, std::move(value), unicodeKey);
}

void PyObject::push(PyObject value) {
  value.containerCopiesSeen_ = copies_;
  values_.push_back(std::move(value));
}

std::vector<PyObject> PyObject::items() const {
  std::vector<PyObject> out;
  if (kind_ != Kind::kList) return out;
  for (const PyObject& value : values_) out.push_back(caughtUp(value));
  return out;
}

std::vector<PyObject>& PyObject::listItems() {
  static_cast<const PyObject&>(*this).listItems();
  return values_;
}

const std::vector<PyObject>& PyObject::listItems() const {
  static const std::vector<PyObject> kNone;
  if (kind_ != Kind::kList) return kNone;
  for (const PyObject& value : values_) caughtUp(value);
  return values_;
}

PyObject& PyObject::at(size_t index) { return const_cast<PyObject&>(caughtUp(values_.at(index))); }

bool PyObject::truthy() const {
  switch (kind_) {
    case Kind::kNone:
      return false;
    case Kind::kBool:
      return flag_;
    case Kind::kInt:
      return flag_ || int_ != 0;
    case Kind::kFloat:
      return real_ != 0;
    case Kind::kStr:
      return !text_.empty();
    case Kind::kList:
      return !values_.empty();
    case Kind::kDict:
      return keys_.size() != 0;
  }
  return false;
}

PyObject* PyObject::item(size_t index) {
  if (kind_ != Kind::kList || index >= values_.size()) return nullptr;
  caughtUp(values_[index]);
  return &values_[index];
}

std::vector<std::string> PyObject::keys() const {
  std::vector<std::string> out;
  if (kind_ != Kind::kDict) return out;
  for (size_t i : iterationOrder()) out.push_back(keys_.name(i));
  return out;
}

PyObject PyObject::py27Copy() const {
  PyObject out = dict(true);
  std::vector<size_t> order = iterationOrder();
  out.keys_.reserveForMerge(order.size());
  for (size_t i : order) out.set(keys_.name(i), caughtUp(values_[i]), unicodeKeys_[i]);
  return out;
}

bool PyObject::unicodeKey(std::string_view key) const {
  size_t i = kind_ == Kind::kDict ? keys_.find(key) : Py27KeyOrder::kAbsent;
  return i != Py27KeyOrder::kAbsent && unicodeKeys_[i];
}

void PyObject::erase(std::string_view key) {
  if (kind_ == Kind::kDict) keys_.remove(key);
}

std::vector<size_t> PyObject::iterationOrder() const {
  if (isPy27Dict()) return keys_.order();
  // A plain dict iterates in insertion order, without the keys erased since.
  std::vector<size_t> out;
  out.reserve(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    if (keys_.find(keys_.name(i)) == i) out.push_back(i);
  }
  return out;
}

void PyObject::deepcopy(uint64_t times) {
  copies_ += times;
  if (isPy27Dict()) keys_.deepcopied(times);
}

std::string PyObject::repr(bool& ok) const {
  switch (kind_) {
    case Kind::kNone:
      return "None";
    case Kind::kBool:
      return flag_ ? "True" : "False";
    case Kind::kInt:
      // SAM's Py27LongInt prints the Python 2 long suffix beyond sys.maxint.
      if (flag_) return text_ + (text_[0] == '-' ? "" : "L");
      return std::to_string(int_);
    case Kind::kFloat:
      if (std::isnan(real_)) return "nan";
      if (std::isinf(real_)) return real_ > 0 ? "inf" : "-inf";
      return pythonFloatRepr(real_);
    case Kind::kStr:
      return strRepr(text_, flag_, ok);
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < values_.size(); ++i)
        out += (i ? ", " : "") + caughtUp(values_[i]).repr(ok);
      return out + "]";
    }
    case Kind::kDict: {
      std::string out = "{";
      bool first = true;
      for (size_t i : iterationOrder()) {
        out += first ? "" : ", ";
        first = false;
        out += strRepr(keys_.name(i), unicodeKeys_[i], ok) + ": " + caughtUp(values_[i]).repr(ok);
      }
      return out + "}";
    }
  }
  return "";
}

Node PyObject::toNode(DictOrder order) const {
  switch (kind_) {
    case Kind::kNone:
      return Node::null();
    case Kind::kBool:
      return Node::boolean(flag_);
    case Kind::kInt: {
      if (!flag_) return Node::integer(int_);
      Node big = Node::floating(real_);
      big.setScalar(model::NodeKind::kFloat, text_);
      big.setFloatValue(real_);
      return big;
    }
    case Kind::kFloat:
      return Node::floating(real_);
    case Kind::kStr:
      return Node::string(text_);
    case Kind::kList: {
      Node out = Node::sequence();
      for (const PyObject& item : values_) out.push(caughtUp(item).toNode(order));
      return out;
    }
    case Kind::kDict: {
      Node out = Node::mapping();
      std::vector<size_t> numbers = iterationOrder();
      if (order == DictOrder::kInsertion) std::sort(numbers.begin(), numbers.end());
      out.entries().reserve(numbers.size());
      for (size_t i : numbers)
        out.entries().push_back({Node::string(keys_.name(i)), caughtUp(values_[i]).toNode(order)});
      return out;
    }
  }
  return Node::null();
}

}  // namespace samshift::expand::api
