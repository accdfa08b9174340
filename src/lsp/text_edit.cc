#include "lsp/text_edit.h"

#include <utility>
#include <vector>

#include "core/source_file.h"
#include "core/utf8.h"

namespace samshift::lsp {

namespace {

constexpr size_t kChunkBytes = 1024;

// What a stretch of text spans: bytes, line breaks, and the UTF-16 units after its last break
// (all of its units when it has none). Summaries add up left to right.
struct Summary {
  uint64_t bytes = 0;
  uint64_t breaks = 0;
  uint64_t column = 0;
};

Summary operator+(Summary a, const Summary& b) {
  a.bytes += b.bytes;
  a.column = b.breaks ? b.column : a.column + b.column;
  a.breaks += b.breaks;
  return a;
}

// A position as (line, UTF-16 column), ordered line first.
struct Point {
  uint64_t line = 0;
  uint64_t column = 0;
};

Point advance(Point at, const Summary& text) {
  return text.breaks ? Point{at.line + text.breaks, text.column}
                     : Point{at.line, at.column + text.column};
}

bool before(Point a, Point b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// One step over text[index]: a whole line break, or one code point with its UTF-16 units.
struct Step {
  size_t bytes = 0;
  uint32_t units = 0;
  bool lineBreak = false;
};

Step stepAt(std::string_view text, size_t index) {
  if (size_t length = core::lineBreakLength(text, index)) return Step{length, 0, true};
  if (static_cast<unsigned char>(text[index]) < 0x80) return Step{1, 1, false};
  size_t next = index;
  uint32_t codePoint = core::decodeUtf8(text, next);
  return Step{next - index, codePoint >= 0x10000 ? 2u : 1u, false};
}

Summary summarize(std::string_view text) {
  Summary out;
  out.bytes = text.size();
  for (size_t index = 0; index < text.size();) {
    Step step = stepAt(text, index);
    index += step.bytes;
    if (step.lineBreak) {
      ++out.breaks;
      out.column = 0;
    } else {
      out.column += step.units;
    }
  }
  return out;
}

// Where the chunk that starts at `begin` ends: after about kChunkBytes, never inside a line
// break or a code point, so that every chunk summarises the same as the whole text would.
size_t chunkEnd(std::string_view text, size_t begin) {
  size_t index = begin;
  while (index < text.size() && index - begin < kChunkBytes) index += stepAt(text, index).bytes;
  return index;
}

// The byte in `chunk`, which starts at `at`, where `target` is (clamped to its line's end).
size_t scan(std::string_view chunk, Point at, Point target) {
  size_t index = 0;
  while (index < chunk.size()) {
    if (at.line == target.line && at.column >= target.column) return index;
    Step step = stepAt(chunk, index);
    if (step.lineBreak) {
      if (at.line == target.line) return index;
      ++at.line;
      at.column = 0;
    } else {
      at.column += step.units;
    }
    index += step.bytes;
  }
  return index;
}

}  // namespace

struct EditableText::Tree {
  struct Node {
    std::string text;
    Summary own;
    Summary all;  // of the subtree
    uint64_t priority = 0;
    int32_t left = -1;
    int32_t right = -1;
  };

  std::vector<Node> nodes;
  std::vector<int32_t> unused;  // nodes of removed text, for reuse
  int32_t root = -1;
  uint64_t seed = 0x9E3779B97F4A7C15ull;

  Summary all(int32_t node) const { return node < 0 ? Summary{} : nodes[node].all; }

  void update(int32_t node) {
    Node& n = nodes[node];
    n.all = all(n.left) + n.own + all(n.right);
  }

  int32_t make(std::string text) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    int32_t node;
    if (!unused.empty()) {
      node = unused.back();
      unused.pop_back();
    } else {
      node = static_cast<int32_t>(nodes.size());
      nodes.emplace_back();
    }
    Node& n = nodes[node];
    n.own = summarize(text);
    n.text = std::move(text);
    n.all = n.own;
    n.priority = seed;
    n.left = n.right = -1;
    return node;
  }

  int32_t merge(int32_t a, int32_t b) {
    if (a < 0) return b;
    if (b < 0) return a;
    if (nodes[a].priority > nodes[b].priority) {
      int32_t right = merge(nodes[a].right, b);
      nodes[a].right = right;
      update(a);
      return a;
    }
    int32_t left = merge(a, nodes[b].left);
    nodes[b].left = left;
    update(b);
    return b;
  }

  // The first `bytes` bytes, and the rest; a chunk holding the cut is cut in two.
  std::pair<int32_t, int32_t> split(int32_t node, uint64_t bytes) {
    if (node < 0) return {-1, -1};
    uint64_t leftBytes = all(nodes[node].left).bytes;
    uint64_t ownBytes = nodes[node].text.size();
    if (bytes <= leftBytes) {
      auto [first, rest] = split(nodes[node].left, bytes);
      nodes[node].left = rest;
      update(node);
      return {first, node};
    }
    if (bytes >= leftBytes + ownBytes) {
      auto [first, rest] = split(nodes[node].right, bytes - leftBytes - ownBytes);
      nodes[node].right = first;
      update(node);
      return {node, rest};
    }
    size_t cut = bytes - leftBytes;
    int32_t tail = make(nodes[node].text.substr(cut));
    Node& n = nodes[node];
    n.text.resize(cut);
    n.own = summarize(n.text);
    int32_t right = n.right;
    n.right = -1;
    update(node);
    return {node, merge(tail, right)};
  }

  int32_t build(std::string_view text) {
    int32_t out = -1;
    for (size_t begin = 0; begin < text.size();) {
      size_t end = chunkEnd(text, begin);
      out = merge(out, make(std::string(text.substr(begin, end - begin))));
      begin = end;
    }
    return out;
  }

  void release(int32_t node) {
    std::vector<int32_t> stack;
    if (node >= 0) stack.push_back(node);
    while (!stack.empty()) {
      Node& n = nodes[stack.back()];
      unused.push_back(stack.back());
      stack.pop_back();
      std::string().swap(n.text);
      if (n.left >= 0) stack.push_back(n.left);
      if (n.right >= 0) stack.push_back(n.right);
    }
  }

  char lastByte(int32_t node) const {
    while (nodes[node].right >= 0) node = nodes[node].right;
    return nodes[node].text.back();
  }

  char firstByte(int32_t node) const {
    while (nodes[node].left >= 0) node = nodes[node].left;
    return nodes[node].text.front();
  }

  // Removes the first byte; an emptied chunk leaves the tree.
  int32_t popFront(int32_t node) {
    Node& n = nodes[node];
    if (n.left >= 0) {
      int32_t left = popFront(n.left);
      nodes[node].left = left;
      update(node);
      return node;
    }
    n.text.erase(0, 1);
    if (n.text.empty()) {
      unused.push_back(node);
      return n.right;
    }
    n.own = summarize(n.text);
    update(node);
    return node;
  }

  void appendToLast(int32_t node, char byte) {
    std::vector<int32_t> path;
    for (; node >= 0; node = nodes[node].right) path.push_back(node);
    Node& last = nodes[path.back()];
    last.text.push_back(byte);
    last.own = summarize(last.text);
    for (auto it = path.rbegin(); it != path.rend(); ++it) update(*it);
  }

  // Joins two buffers; a CR that ends the first and an LF that starts the second become one
  // CRLF inside one chunk, as a chunk boundary never splits a line break.
  int32_t join(int32_t a, int32_t b) {
    if (a < 0) return b;
    if (b < 0) return a;
    if (lastByte(a) == '\r' && firstByte(b) == '\n') {
      b = popFront(b);
      appendToLast(a, '\n');
    }
    return merge(a, b);
  }

  uint64_t seek(Point target) const {
    Point at;
    uint64_t offset = 0;
    for (int32_t node = root; node >= 0;) {
      const Node& n = nodes[node];
      if (n.left >= 0) {
        Point afterLeft = advance(at, nodes[n.left].all);
        if (before(target, afterLeft)) {
          node = n.left;
          continue;
        }
        at = afterLeft;
        offset += nodes[n.left].all.bytes;
      }
      Point afterOwn = advance(at, n.own);
      if (before(target, afterOwn)) return offset + scan(n.text, at, target);
      at = afterOwn;
      offset += n.own.bytes;
      node = n.right;
    }
    return offset;
  }
};

EditableText::EditableText(std::string_view text) : tree_(std::make_unique<Tree>()) {
  tree_->root = tree_->build(text);
}

EditableText::~EditableText() = default;

uint64_t EditableText::offsetOf(core::LspPosition position) const {
  return tree_->seek(Point{position.line, position.character});
}

uint64_t EditableText::size() const { return tree_->all(tree_->root).bytes; }

core::Status EditableText::apply(const ContentChange& change) {
  Tree& tree = *tree_;
  if (!change.start) {
    tree.nodes.clear();
    tree.unused.clear();
    tree.root = tree.build(change.text);
    return core::okStatus();
  }
  uint64_t begin = offsetOf(*change.start);
  uint64_t end = offsetOf(change.end);
  if (end < begin)
    return core::Error{core::ErrorKind::kInput, "change range ends before it starts"};
  auto [kept, rest] = tree.split(tree.root, begin);
  auto [removed, after] = tree.split(rest, end - begin);
  tree.release(removed);
  int32_t inserted = tree.build(change.text);
  tree.root = tree.join(tree.join(kept, inserted), after);
  return core::okStatus();
}

std::string EditableText::text() const {
  std::string out;
  out.reserve(size());
  std::vector<int32_t> stack;
  for (int32_t node = tree_->root; node >= 0 || !stack.empty();) {
    if (node >= 0) {
      stack.push_back(node);
      node = tree_->nodes[node].left;
      continue;
    }
    node = stack.back();
    stack.pop_back();
    out += tree_->nodes[node].text;
    node = tree_->nodes[node].right;
  }
  return out;
}

core::Result<std::string> applyChange(const std::string& text, const ContentChange& change) {
  EditableText buffer(text);
  core::Status applied = buffer.apply(change);
  if (!applied) return applied.error();
  return buffer.text();
}

}  // namespace samshift::lsp
