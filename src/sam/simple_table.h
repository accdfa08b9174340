#pragma once
// AWS::Serverless::SimpleTable as SAM reads it (samtranslator/model/sam_resources.py
// SamSimpleTable): its properties, and the one-attribute primary key of the DynamoDB table it
// becomes.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

struct SimpleTableKey {
  model::Node attributeName;  // as written (a string)
  std::string attributeType;  // "S", "N" or "B"
};

// The table's key: `PrimaryKey` {Name, Type} with Type String/Number/Binary written S/N/B, or
// {id, S} when PrimaryKey is absent or empty; nullopt when SAM rejects it (validateSimpleTable
// says why).
std::optional<SimpleTableKey> simpleTableKey(const model::Node& props);

// SAM's rejections of a SimpleTable, given its properties after Globals; at most one.
void validateSimpleTable(const model::Template& templ, const model::ResourceView& resource,
                         const model::Node& props, std::vector<SamProblem>& out);

}  // namespace samshift::sam
