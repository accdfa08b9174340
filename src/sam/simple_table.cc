#include "sam/simple_table.h"

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

namespace {

// SamSimpleTable.property_types, in SAM's order.
const SamPropertyType kSimpleTablePropertyTypes[] = {
    {"PointInTimeRecoverySpecification", false, {}},
    {"PrimaryKey", false, dictOf(isSamString)},
    {"ProvisionedThroughput", false, dictOf(oneOf({isSamInt, isSamMap}))},
    {"TableName", false, oneOf({isSamString, isSamMap})},
    {"Tags", false, isSamMap},
    {"SSESpecification", false, isSamMap},
};

// SamSimpleTable.attribute_type_conversions.
std::optional<std::string> attributeType(const Node& type) {
  if (type.isString("String")) return "S";
  if (type.isString("Number")) return "N";
  if (type.isString("Binary")) return "B";
  return std::nullopt;
}

}  // namespace

std::optional<SimpleTableKey> simpleTableKey(const Node& props) {
  const Node* primaryKey = props.get("PrimaryKey");
  if (!primaryKey || !pythonTruthy(*primaryKey)) return SimpleTableKey{Node::string("id"), "S"};
  const Node* name = primaryKey->isMapping() ? primaryKey->get("Name") : nullptr;
  const Node* type = primaryKey->isMapping() ? primaryKey->get("Type") : nullptr;
  if (!name || name->isNull() || !type || type->isNull()) return std::nullopt;
  std::optional<std::string> converted = attributeType(*type);
  if (!converted) return std::nullopt;
  return SimpleTableKey{*name, *converted};
}

void validateSimpleTable(const model::Template& templ, const model::ResourceView& resource,
                         const Node& props, std::vector<SamProblem>& out) {
  if (checkSamPropertyTypes(templ, resource, props, kSimpleTablePropertyTypes, out)) return;
  if (simpleTableKey(props)) return;
  // _construct_dynamodb_table: Name, then Type, then Type's value.
  const Node& primaryKey = *props.get("PrimaryKey");
  const Node* source = propertySource(templ, resource, "PrimaryKey");
  for (const char* key : {"Name", "Type"}) {
    const Node* value = primaryKey.isMapping() ? primaryKey.get(key) : nullptr;
    if (!value || value->isNull()) {
      out.push_back(resourceProblem("simple-table-primary-key",
                                    "Property 'PrimaryKey." + std::string(key) + "' is required.",
                                    source));
      return;
    }
  }
  // A string: PrimaryKey passed dict_of(IS_STR, IS_STR), or as a one-key mapping it lacks Name.
  const Node* type = source && source->isMapping() ? source->get("Type") : nullptr;
  out.push_back(resourceProblem("simple-table-primary-key",
                                "Invalid 'Type' \"" + primaryKey.get("Type")->text() + "\".",
                                type ? type : source));
}

}  // namespace samshift::sam
