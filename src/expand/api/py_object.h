#pragma once
// The Python objects SAM builds an API definition from, kept faithfully enough to reproduce
// `str(swagger)`: SAM hashes that text for the Deployment logical ID, and its dictionaries
// iterate in Python 2.7 order (SAM's Py27Dict) with template strings printed as u'…'
// (Py27UniStr). docs/sam-semantics.md §8.1.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/node.h"

namespace samshift::expand::api {

// The slot table of a Python 2.7 dict (Objects/dictobject.c): where keys land decides the
// iteration order, and depends on the history of inserts and resizes. SAM never deletes from the
// dicts samshift models, so there are no deleted-slot markers.
class Py27KeyOrder {
 public:
  void add(const std::string& key);
  std::vector<std::string> keys() const;

 private:
  size_t indexOf(const std::string& key, uint64_t hash) const;
  void resize(size_t request);

  std::vector<bool> used_ = std::vector<bool>(8, false);
  std::vector<std::string> slots_ = std::vector<std::string>(8);
  size_t size_ = 0;
};

// Python 2.7's string hash, as SAM's py27hash computes it (64-bit).
uint64_t py27StringHash(std::string_view text);

class PyObject {
 public:
  enum class Kind { kNone, kBool, kInt, kFloat, kStr, kList, kDict };

  static PyObject none() { return PyObject(Kind::kNone); }
  static PyObject boolean(bool value);
  static PyObject integer(int64_t value);
  static PyObject real(double value);
  // A str SAM's own code wrote ('…'), or one that came from the template (u'…').
  static PyObject str(std::string text, bool unicode = false);
  static PyObject list();
  // A plain Python 3 dict (insertion order) or a Py27Dict.
  static PyObject dict(bool py27);
  // The template value as SAM's to_py27_compatible_template leaves it: Py27Dict and Py27UniStr.
  static PyObject fromTemplate(const model::Node& node);

  PyObject() = default;

  Kind kind() const { return kind_; }
  bool isDict() const { return kind_ == Kind::kDict; }
  bool isStr() const { return kind_ == Kind::kStr; }
  const std::string& text() const { return text_; }

  // Dict access; keys compare by their text, as u'a' == 'a' in Python.
  PyObject* get(std::string_view key);
  const PyObject* get(std::string_view key) const;
  PyObject& set(const std::string& key, PyObject value, bool unicodeKey = false);
  PyObject& setdefault(const std::string& key, PyObject value, bool unicodeKey = false);
  void push(PyObject value);

  // copy.deepcopy: a Py27Dict re-adds its keys in iteration order, which can move them.
  PyObject deepcopy() const;
  // Python's str() of the object; `ok` turns false on text samshift cannot print like Python.
  std::string repr(bool& ok) const;
  // The CloudFormation value (dict keys in insertion order).
  model::Node toNode() const;

 private:
  explicit PyObject(Kind kind) : kind_(kind) {}
  size_t indexOf(std::string_view key) const;
  std::vector<size_t> iterationOrder() const;

  Kind kind_ = Kind::kNone;
  bool flag_ = false;  // the bool's value, a unicode str, or a Py27Dict
  int64_t int_ = 0;
  double real_ = 0;
  std::string text_;
  std::vector<PyObject> values_;                   // list items, or dict values
  std::vector<std::pair<std::string, bool>> keys_;  // dict keys (text, unicode) by insertion
  Py27KeyOrder order_;
};

}  // namespace samshift::expand::api
