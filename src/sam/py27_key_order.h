#pragma once
// The iteration order of a Python 2.7 dict, as SAM's Py27Dict reproduces it
// (samtranslator/utils/py27hash_fix.py Py27Keys): SAM makes a template with an API Python 2.7
// compatible, so its Resources, events and API bodies iterate in this order
// (docs/sam-semantics.md §2.6).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::sam {

// The slot table of a Python 2.7 dict as SAM's Py27Keys models it (Objects/dictobject.c): where
// keys land decides the iteration order, and depends on the history of inserts, deletes and
// resizes. Keys are numbered in the order they were first added; lookups hash, as Python does.
class Py27KeyOrder {
 public:
  static constexpr size_t kAbsent = SIZE_MAX;

  // The key's number, after adding it when absent (Py27Keys.add).
  size_t add(std::string_view key);
  // Py27Keys.remove: the slot keeps a dummy marker, which later probes step over.
  void remove(std::string_view key);
  // Py27Keys.merge's first step, before it adds `incoming` keys: the table grows at once to
  // twice the keys it will hold when they would fill two thirds of it.
  void reserveForMerge(size_t incoming);
  size_t find(std::string_view key) const;
  size_t size() const { return used_; }
  const std::string& name(size_t number) const { return names_[number]; }

  // copy.deepcopy of a Py27Dict re-adds its keys, in iteration order, into a fresh table, which
  // can move them. SAM's API editors copy the whole definition twice per route, so the copies are
  // counted here and applied when the order is next needed; a long run of them stops once it has
  // found the cycle the layouts fall into.
  void deepcopied(uint64_t times) const { pendingCopies_ += times; }

  // The key numbers in iteration order, and the keys themselves.
  std::vector<size_t> order() const;
  std::vector<std::string> keys() const;

 private:
  size_t slotOf(std::string_view key, uint64_t hash) const;
  void place(size_t number) const;
  void resize(size_t request) const;
  void copyOnce() const;
  void applyPendingCopies() const;
  std::vector<size_t> slotOrder() const;  // without applying pending copies

  static constexpr int32_t kEmpty = -1;
  static constexpr int32_t kDummy = -2;

  std::vector<std::string> names_;  // by number
  std::vector<uint64_t> hashes_;    // by number
  // The table itself changes when pending copies are applied, which const readers may trigger.
  mutable std::vector<int32_t> slots_ = std::vector<int32_t>(8, kEmpty);
  mutable size_t used_ = 0;  // live keys (ma_used)
  mutable size_t fill_ = 0;  // live keys and dummies (ma_fill)
  mutable uint64_t pendingCopies_ = 0;
  mutable std::vector<int32_t> copyOrder_;  // scratch for copyOnce
};

// The entries of a mapping in the order of the Py27Dict SAM makes of it (the last of a repeated
// key, as PyYAML keeps).
std::vector<const model::MapEntry*> py27Order(const model::Node& mapping);

}  // namespace samshift::sam
