#pragma once
// Gathers the children of one collection while it is read, then hands them over in a vector of
// exactly their number (no slack kept in the tree).
//
// A plain growing vector costs up to twice its children at each growth (old and new buffer) and
// again at the hand-over (buffer and result), so the widest collection of a file peaked at two
// to three times its final size. Here children gather in a small vector that the builder reuses
// from one collection to the next; a collection that outgrows it continues in blocks of
// kBlockBytes, large enough that the allocator maps each on its own, and at the hand-over each
// block is moved into the result and freed at once: a collection of n children peaks at n plus
// one block.

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace samshift::load {

template <typename T>
class ChildBuffer {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](size_t index) {
    if (index < kFirstCapacity) return first_[index];
    index -= kFirstCapacity;
    return blocks_[index / kBlockLength][index % kBlockLength];
  }

  void push(T&& child) {
    if (size_ < kFirstCapacity) {
      first_.push_back(std::move(child));
    } else {
      if (blocks_.empty() || blocks_.back().size() == kBlockLength) {
        blocks_.emplace_back();
        blocks_.back().reserve(kBlockLength);
      }
      blocks_.back().push_back(std::move(child));
    }
    ++size_;
  }

  // Moves every child into `out` (replacing what it held) and leaves the buffer empty.
  void takeInto(std::vector<T>& out) {
    std::vector<T> result;
    result.reserve(size_);
    result.insert(result.end(), std::make_move_iterator(first_.begin()),
                  std::make_move_iterator(first_.end()));
    for (std::vector<T>& block : blocks_) {
      result.insert(result.end(), std::make_move_iterator(block.begin()),
                    std::make_move_iterator(block.end()));
      std::vector<T>().swap(block);  // freed now, while the result grows into its place
    }
    out = std::move(result);
    clear();
  }

  // Empties the buffer; the first vector keeps its capacity (at most kFirstCapacity) for the next
  // collection read at this depth.
  void clear() {
    first_.clear();
    blocks_.clear();
    size_ = 0;
  }

 private:
  static constexpr size_t kBlockBytes = size_t{256} << 10;  // above glibc's 128 KiB mmap threshold
  static constexpr size_t kBlockLength = std::max<size_t>(1, kBlockBytes / sizeof(T));
  // Children the reused first vector holds before blocks take over: enough for nearly every
  // collection of a real template, few enough that what 512 levels of frames keep stays small.
  static constexpr size_t kFirstCapacity = 64;

  std::vector<T> first_;
  std::vector<std::vector<T>> blocks_;
  size_t size_ = 0;
};

}  // namespace samshift::load
