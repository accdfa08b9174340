#pragma once
// What a loader produces: the file, the tree (when it could be read) and the problems met. It is
// part of the model, below the loaders, so that the rule engine can lint a document without
// depending on how it was read.

#include <string>
#include <vector>

#include "core/location.h"
#include "core/source_file.h"
#include "model/node.h"

namespace samshift::model {

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

struct Document {
  core::SourceFile source;
  Format format = Format::kYaml;
  Node root;
  bool parsed = false;  // false: a syntax problem left no usable tree
  std::vector<LoadProblem> problems;
};

}  // namespace samshift::model
