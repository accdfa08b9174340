// SAM's one mechanism for declared property types (samtranslator/model/__init__.py PropertyType,
// Resource.validate_properties; model/types.py validators) as src/sam/resource_properties models
// it for every resource and event table.

#include <catch2/catch.hpp>

#include <string>

#include "sam/api_validation.h"
#include "sam/resource_properties.h"
#include "test_support.h"

using namespace samshift;
using model::Node;
using sam::SamPropertyType;

namespace {

std::string messageOf(sam::PropertyValidator valid) {
  return sam::propertyTypeMessage(SamPropertyType{"P", false, std::move(valid)});
}

// The message of the first fault of `yaml` against `types`, or "" when SAM accepts it.
std::string faultOf(const std::string& yaml, std::span<const SamPropertyType> types) {
  Node props = testing::parseYaml(yaml);
  std::optional<sam::PropertyFault> fault = sam::firstPropertyFault(&props, types);
  return fault ? fault->message : std::string();
}

}  // namespace

TEST_CASE("a type message names the type only for IS_DICT and IS_STR themselves", "[sam]") {
  CHECK(messageOf(sam::isSamMap) == "Property 'P' should be a map.");
  CHECK(messageOf(sam::isSamString) == "Property 'P' should be a string.");
  // EXPECTED_TYPE_BY_VALIDATOR is keyed by the validator: a combination is not IS_DICT.
  CHECK(messageOf(sam::oneOf({sam::isSamString, sam::isSamMap})) ==
        "Type of property 'P' is invalid.");
  CHECK(messageOf(sam::dictOf(sam::isSamMap)) == "Type of property 'P' is invalid.");
  CHECK(messageOf(sam::isSamBool) == "Type of property 'P' is invalid.");
  CHECK(messageOf([](const Node& value) { return value.isMapping(); }) ==
        "Type of property 'P' is invalid.");
}

TEST_CASE("validate_properties goes through the declared order, not the written one", "[sam]") {
  const SamPropertyType types[] = {{"First", false, sam::isSamString},
                                   {"Second", false, sam::isSamMap}};
  CHECK(faultOf("Second: 1\nFirst: 2\n", types) == "Property 'First' should be a string.");
  CHECK(faultOf("Second: 1\nFirst: x\n", types) == "Property 'Second' should be a map.");
  CHECK(faultOf("Second: {A: 1, B: 2}\nFirst: x\n", types).empty());
}

TEST_CASE("a required property that is missing or null is a fault of its own", "[sam]") {
  const SamPropertyType types[] = {{"Needed", true, sam::isSamString},
                                   {"Other", false, sam::isSamString}};
  CHECK(faultOf("Other: x\n", types) == "Missing required property 'Needed'.");
  CHECK(faultOf("Needed: null\n", types) == "Missing required property 'Needed'.");
  CHECK(faultOf("Needed: x\nOther: null\n", types).empty());
  Node props = testing::parseYaml("Other: x\n");
  std::optional<sam::PropertyFault> fault = sam::firstPropertyFault(&props, types);
  REQUIRE(fault);
  CHECK(fault->value == nullptr);
  CHECK(fault->type == &types[0]);
}

TEST_CASE("a one-key mapping passes a PropertyType but not a Property", "[sam]") {
  const SamPropertyType intrinsics[] = {{"Name", false, sam::isSamString}};
  const SamPropertyType literal[] = {{"Name", false, sam::isSamString, false}};
  CHECK(faultOf("Name: {Ref: Other}\n", intrinsics).empty());
  CHECK(faultOf("Name: {Ref: Other}\n", literal) == "Property 'Name' should be a string.");
  CHECK(faultOf("Name: {A: 1, B: 2}\n", intrinsics) == "Property 'Name' should be a string.");
}

TEST_CASE("SAM's validators take what Python's isinstance takes", "[sam]") {
  const SamPropertyType types[] = {
      {"Count", false, sam::isSamInt},
      {"Names", false, sam::listOf(sam::isSamString)},
      {"Filter", false, sam::dictOf(sam::isSamString, sam::isSamString)},
      {"Any", false, {}}};
  // A bool is a Python int.
  CHECK(faultOf("Count: true\n", types).empty());
  CHECK(faultOf("Count: x\n", types) == "Type of property 'Count' is invalid.");
  CHECK(faultOf("Names: [a, 1]\n", types) == "Type of property 'Names' is invalid.");
  CHECK(faultOf("Filter: {A: x, B: [y]}\n", types) == "Type of property 'Filter' is invalid.");
  CHECK(faultOf("Any: [1, {A: 2}]\nFilter: {A: x, B: y}\n", types).empty());
}

TEST_CASE("the first undeclared key is the first written", "[sam]") {
  const SamPropertyType types[] = {{"Known", false, {}}};
  Node props = testing::parseYaml("Known: 1\nLater: 2\nLast: 3\n");
  const model::MapEntry* unknown = sam::firstUndeclaredProperty(&props, types);
  REQUIRE(unknown);
  CHECK(unknown->key.text() == "Later");
  Node known = testing::parseYaml("Known: 1\n");
  CHECK(sam::firstUndeclaredProperty(&known, types) == nullptr);
  CHECK(sam::firstUndeclaredProperty(nullptr, types) == nullptr);
}

TEST_CASE("an API property takes any one-key mapping, as SAM's check does", "[sam]") {
  // SAM v1.110.0 accepts `TracingEnabled: {Foo: 1}` (checked with sam-translate); samshift
  // does not know what SAM then does with it, so it is neither right nor wrong.
  const sam::ApiProperty* tracing = sam::apiProperty("TracingEnabled");
  REQUIRE(tracing);
  CHECK(sam::apiPropertyType(testing::parseYaml("{Foo: 1}"), *tracing) ==
        sam::TypeVerdict::kUnknown);
  CHECK(sam::apiPropertyType(testing::parseYaml("{Ref: Flag}"), *tracing) ==
        sam::TypeVerdict::kRight);
  CHECK(sam::apiPropertyType(testing::parseYaml("[true]"), *tracing) == sam::TypeVerdict::kWrong);
}
