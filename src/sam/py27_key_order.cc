#include "sam/py27_key_order.h"

#include "sam/py27_hash.h"

namespace samshift::sam {

namespace {

constexpr size_t kMinSize = 8;
constexpr unsigned kPerturbShift = 5;
constexpr size_t kLargeDict = 50000;

}  // namespace

size_t Py27KeyOrder::slotOf(std::string_view key, uint64_t hash) const {
  // Py27Keys._get_key_idx: the slot holding the key, or the one it would take (the first dummy
  // passed on the way to an empty slot).
  auto holds = [&](size_t slot) {
    int32_t number = slots_[slot];
    return number >= 0 && hashes_[number] == hash && names_[number] == key;
  };
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  if (slots_[i] == kEmpty || holds(i)) return i;
  size_t freeSlot = slots_[i] == kDummy ? i : kAbsent;
  uint64_t walker = i;
  uint64_t perturb = hash;
  for (;;) {
    walker = (walker << 2) + walker + perturb + 1;
    i = walker & mask;
    if (slots_[i] == kEmpty) return freeSlot == kAbsent ? i : freeSlot;
    if (holds(i)) return i;
    if (freeSlot == kAbsent && slots_[i] == kDummy) freeSlot = i;
    perturb >>= kPerturbShift;
  }
}

void Py27KeyOrder::place(size_t number) const {
  // Adds a key known to be absent to a table without dummies (a rebuild or a resize), so the
  // probe looks for the first empty slot only; grows the table two-thirds full to four times
  // the keys (twice, when large), as Py27Keys.add does.
  const size_t mask = slots_.size() - 1;
  const uint64_t hash = hashes_[number];
  size_t i = hash & mask;
  uint64_t walker = i;
  uint64_t perturb = hash;
  while (slots_[i] != kEmpty) {
    walker = (walker << 2) + walker + perturb + 1;
    i = walker & mask;
    perturb >>= kPerturbShift;
  }
  slots_[i] = static_cast<int32_t>(number);
  ++fill_;
  ++used_;
  if (fill_ * 3 >= slots_.size() * 2) resize(used_ * (used_ > kLargeDict ? 2 : 4));
}

void Py27KeyOrder::copyOnce() const {
  // Py27Keys.__deepcopy__: the live keys, in iteration order, added to a fresh table.
  copyOrder_.clear();
  for (int32_t number : slots_) {
    if (number >= 0) copyOrder_.push_back(number);
  }
  slots_.assign(kMinSize, kEmpty);
  used_ = fill_ = 0;
  for (int32_t number : copyOrder_) place(static_cast<size_t>(number));
}

void Py27KeyOrder::resize(size_t request) const {
  size_t newSize = kMinSize;
  while (newSize <= request) newSize <<= 1;
  std::vector<size_t> live = slotOrder();
  slots_.assign(newSize, kEmpty);
  used_ = fill_ = 0;
  for (size_t number : live) place(number);
}

void Py27KeyOrder::applyPendingCopies() const {
  const uint64_t copies = pendingCopies_;
  pendingCopies_ = 0;
  if (copies == 0) return;
  // A copy's result depends on the layout alone, so repeated copies fall into a cycle of
  // layouts, usually a short one (2 to a few hundred copies, growing with the table). Brent's
  // cycle finding learns its length while copying; the copies left over are then taken modulo
  // it. One saved layout, and at most about twice the cycle's length in copies.
  std::vector<int32_t> saved = slots_;
  uint64_t power = 1;
  uint64_t length = 0;
  for (uint64_t done = 1; done <= copies; ++done) {
    copyOnce();
    ++length;
    if (slots_ == saved) {
      for (uint64_t rest = (copies - done) % length; rest > 0; --rest) copyOnce();
      return;
    }
    if (length == power) {
      saved = slots_;
      power *= 2;
      length = 0;
    }
  }
}

size_t Py27KeyOrder::add(std::string_view key) {
  applyPendingCopies();
  uint64_t hash = py27StringHash(key);
  size_t slot = slotOf(key, hash);
  if (slots_[slot] >= 0) return static_cast<size_t>(slots_[slot]);
  names_.emplace_back(key);
  hashes_.push_back(hash);
  const size_t number = names_.size() - 1;
  // Reusing a dummy slot adds a key without adding to the fill.
  if (slots_[slot] == kEmpty) ++fill_;
  slots_[slot] = static_cast<int32_t>(number);
  ++used_;
  if (fill_ * 3 >= slots_.size() * 2) resize(used_ * (used_ > kLargeDict ? 2 : 4));
  return number;
}

void Py27KeyOrder::remove(std::string_view key) {
  applyPendingCopies();
  size_t slot = slotOf(key, py27StringHash(key));
  if (slots_[slot] < 0) return;
  slots_[slot] = kDummy;
  --used_;
}

void Py27KeyOrder::reserveForMerge(size_t incoming) {
  applyPendingCopies();
  if (incoming != 0 && (fill_ + incoming) * 3 >= slots_.size() * 2) resize((used_ + incoming) * 2);
}

size_t Py27KeyOrder::find(std::string_view key) const {
  // Any layout the pending copies pass through holds the same keys.
  size_t slot = slotOf(key, py27StringHash(key));
  return slots_[slot] >= 0 ? static_cast<size_t>(slots_[slot]) : kAbsent;
}

std::vector<size_t> Py27KeyOrder::slotOrder() const {
  std::vector<size_t> out;
  out.reserve(used_);
  for (int32_t number : slots_) {
    if (number >= 0) out.push_back(static_cast<size_t>(number));
  }
  return out;
}

std::vector<size_t> Py27KeyOrder::order() const {
  applyPendingCopies();
  return slotOrder();
}

std::vector<std::string> Py27KeyOrder::keys() const {
  std::vector<std::string> out;
  for (size_t number : order()) out.push_back(names_[number]);
  return out;
}

std::vector<const model::MapEntry*> py27Order(const model::Node& mapping) {
  Py27KeyOrder order;
  std::vector<const model::MapEntry*> byNumber;
  for (const model::MapEntry& entry : mapping.entries()) {
    size_t number = order.add(entry.key.text());
    if (number == byNumber.size()) {
      byNumber.push_back(&entry);
    } else {
      byNumber[number] = &entry;
    }
  }
  std::vector<const model::MapEntry*> out;
  for (size_t number : order.order()) out.push_back(byNumber[number]);
  return out;
}

}  // namespace samshift::sam
