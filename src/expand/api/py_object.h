#pragma once
// The Python objects SAM builds an API definition from, kept faithfully enough to reproduce
// `str(swagger)`: SAM hashes that text for the Deployment logical ID, and its dictionaries
// iterate in Python 2.7 order (SAM's Py27Dict) with template strings printed as u'…'
// (Py27UniStr). docs/sam-semantics.md §8.1.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "sam/py27_key_order.h"

namespace samshift::expand::api {

using sam::Py27KeyOrder;

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
  bool isList() const { return kind_ == Kind::kList; }
  bool isNone() const { return kind_ == Kind::kNone; }
  // Python's bool() of the object.
  bool truthy() const;
  const std::string& text() const { return text_; }

  // Dict access; keys compare by their text, as u'a' == 'a' in Python.
  PyObject* get(std::string_view key);
  const PyObject* get(std::string_view key) const;
  PyObject& set(const std::string& key, PyObject value, bool unicodeKey = false);
  PyObject& setdefault(const std::string& key, PyObject value, bool unicodeKey = false);
  // Py27Dict.copy(): a shallow copy whose keys are merged, in iteration order, into a fresh table
  // (which may order them differently).
  PyObject py27Copy() const;
  // Whether the key `key` of a dict came from the template (prints as u'…').
  bool unicodeKey(std::string_view key) const;
  // `del d[key]`: a Py27Dict keeps a dummy in the key's slot. No-op when the key is absent.
  void erase(std::string_view key);
  void push(PyObject value);
  // A list's items (copies, told of the copies made of the list).
  std::vector<PyObject> items() const;
  // A list's items themselves, told of the copies made of the list; empty for another kind.
  std::vector<PyObject>& listItems();
  const std::vector<PyObject>& listItems() const;
  // A list's length (0 for another kind), and its item `index` itself, to edit in place (told of
  // the copies made of the list): `at` for an index below size(), `item` null past the end.
  size_t size() const { return kind_ == Kind::kList ? values_.size() : 0; }
  PyObject& at(size_t index);
  PyObject* item(size_t index);
  // A dict's keys in iteration order.
  std::vector<std::string> keys() const;
  // Whether a dict's key is a template string (u'…'); false when absent.
  bool keyIsUnicode(std::string_view key) const;

  // What `times` rounds of copy.deepcopy do to this object: every Py27Dict in it re-adds its
  // keys in iteration order. Constant time; each dict catches up when it is next read.
  void deepcopy(uint64_t times = 1);
  // Python's str() of the object; `ok` turns false on text samshift cannot print like Python.
  std::string repr(bool& ok) const;
  // The CloudFormation value: dict keys in iteration order, as json.dumps writes them, or in the
  // order they were added.
  enum class DictOrder { kIteration, kInsertion };
  model::Node toNode(DictOrder order = DictOrder::kIteration) const;

 private:
  explicit PyObject(Kind kind) : kind_(kind) {}
  bool isPy27Dict() const { return kind_ == Kind::kDict && flag_; }
  // A child value, told of the copies made of this object since it last looked.
  const PyObject& caughtUp(const PyObject& child) const;
  std::vector<size_t> iterationOrder() const;

  Kind kind_ = Kind::kNone;
  bool flag_ = false;  // the bool's value, a unicode str, a Py27Dict, or an int beyond 64 bits
  int64_t int_ = 0;
  double real_ = 0;
  std::string text_;               // a str, or the digits of an int beyond 64 bits
  std::vector<PyObject> values_;   // list items, or dict values by key number
  std::vector<bool> unicodeKeys_;  // dict keys that are template strings (u'…'), by key number
  Py27KeyOrder keys_;              // dict keys
  // Deep copies made of this object, and of its container when this object last caught up.
  mutable uint64_t copies_ = 0;
  mutable uint64_t containerCopiesSeen_ = 0;
};

}  // namespace samshift::expand::api
