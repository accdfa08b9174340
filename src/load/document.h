#pragma once
// What a loader produces: the file, the tree (when it could be read) and the problems met.

#include <string>
#include <vector>

#include "core/location.h"
#include "core/source_file.h"
#include "model/node.h"

namespace samshift::load {

enum class Format { kYaml, kJson };

enum class ProblemKind {
  kSyntax,        // the text is not valid YAML/JSON, or breaks a safety limit: the tree is unusable
  kDuplicateKey,  // a mapping names a key twice; the tree keeps the last value, as PyYAML does
};

struct LoadProblem {
  ProblemKind kind = ProblemKind::kSyntax;
  core::Span span;
  std::string message;
  core::Span relatedSpan;  // for a duplicate key: the first occurrence
  std::string relatedMessage;
};

// The largest input any command reads (a file, standard input, an editor buffer): more than any
// template CloudFormation accepts (1 MB), so that only a hostile or mistaken input meets it.
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// What one document may make the loader build. Each limit stops loading with a syntax problem at
// the place it was reached, so that memory stays in proportion to the input (docs/limits.md
// gives the model and the measured figures).
struct LoadLimits {
  size_t maxBytes = kMaxInputBytes;
  size_t maxDepth = 512;  // real templates nest a few dozen levels; aliases may not go deeper
  // Values (scalars, keys, collections) in one document, copies included. Real templates take
  // 9.5 bytes a value at the densest (minified JSON), so every real template up to 38 MiB loads;
  // a 10,000-function SAM template of 15 MB has 1.2 million.
  size_t maxNodes = kMaxInputBytes / 16;
  // What anchors, aliases and merge keys copy, in all: values and bytes of scalar text.
  size_t maxCopiedNodes = 200000;
  size_t maxCopiedBytes = size_t{16} << 20;
  // Problems that do not stop loading (duplicate keys, non-scalar keys, bad merges).
  size_t maxProblems = 1000;
};

struct Document {
  core::SourceFile source;
  Format format = Format::kYaml;
  model::Node root;
  bool parsed = false;  // false: a syntax problem left no usable tree
  std::vector<LoadProblem> problems;
};

}  // namespace samshift::load
