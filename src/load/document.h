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

struct LoadLimits {
  size_t maxBytes = 64u << 20;          // larger than any template CloudFormation accepts
  size_t maxDepth = 512;                // real templates nest a few dozen levels
  size_t maxAliasNodes = 200000;        // nodes that alias expansion may create, in all
};

struct Document {
  core::SourceFile source;
  Format format = Format::kYaml;
  model::Node root;
  bool parsed = false;  // false: a syntax problem left no usable tree
  std::vector<LoadProblem> problems;
};

}  // namespace samshift::load
