#pragma once
// JSON Schema validation of part of a template (valijson underneath), with every error placed on
// the node it is about and worded for people. CloudFormation intrinsics (`!Ref`, `!If`, …) are
// values the schema cannot judge: errors on them, or inside them, are dropped.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"
#include "core/result.h"
#include "model/node.h"

namespace samshift::schema {

struct SchemaError {
  core::Span span;      // the node the error is about (for an unknown key: the key)
  std::string message;  // "`DeploymentType` `FOO` is not one of `BLUE_GREEN`, `IN_PLACE`"
};

class Schema {
 public:
  // Parses a JSON Schema (draft 7) from JSON text; a bad schema is a tool error.
  static core::Result<Schema> parse(std::string_view json, std::string_view name);

  // Validates `instance`; `name` is how the root is called in messages (`Properties`).
  // Errors come in source order. A failure inside valijson becomes one error on the root.
  std::vector<SchemaError> validate(const model::Node& instance, std::string_view name) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace samshift::schema
