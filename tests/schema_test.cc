// The valijson adapter over samshift's node tree and the schema validator: where errors land,
// how they read, and that CloudFormation intrinsics and lenient scalars are accepted.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "load/loader.h"
#include "schema/node_adapter.h"
#include "schema/validator.h"

using namespace samshift;

namespace {

constexpr const char* kSchema = R"({
  "type": "object",
  "properties": {
    "Name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5},
    "Count": {"type": "integer", "minimum": 1, "maximum": 9},
    "Mode": {"enum": ["FAST", "SLOW"]},
    "On": {"type": "boolean"},
    "Items": {"type": "array", "items": {"$ref": "#/definitions/item"}}
  },
  "required": ["Name"],
  "additionalProperties": false,
  "definitions": {
    "item": {"type": "object", "properties": {"Id": {"type": "string"}}, "required": ["Id"]}
  }
})";

struct Checked {
  model::Document document;
  std::vector<schema::SchemaError> errors;
};

Checked check(const std::string& yaml) {
  auto schema = schema::Schema::parse(kSchema, "test");
  REQUIRE(schema.ok());
  Checked checked{load::loadText("t.yaml", yaml), {}};
  REQUIRE(checked.document.parsed);
  checked.errors = schema->validate(checked.document.root, "Properties");
  return checked;
}

// "line:col message" for each error, in the validator's order.
std::vector<std::string> render(const Checked& checked) {
  std::vector<std::string> out;
  for (const schema::SchemaError& error : checked.errors) {
    core::Position at = checked.document.source.position(error.span.begin);
    out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + error.message);
  }
  return out;
}

}  // namespace

TEST_CASE("a valid mapping has no schema errors", "[schema]") {
  CHECK(render(check("Name: abc\nCount: 3\nMode: FAST\nOn: true\nItems:\n  - Id: x\n")).empty());
}

TEST_CASE(
    "CloudFormation's lenient scalars pass: numeric strings, boolean strings, numbers as strings",
    "[schema]") {
  CHECK(render(check("Name: abc\nCount: \"4\"\nOn: \"false\"\n")).empty());
}

TEST_CASE("intrinsic functions are accepted wherever a value is expected", "[schema]") {
  CHECK(render(check("Name: !Ref P\nCount: !If [C, 1, 2]\nMode: !FindInMap [M, a, b]\nItems: !Ref "
                     "AWS::NoValue\n"))
            .empty());
  CHECK(render(check("Name: abc\nItems:\n  - !If [C, {Id: a}, !Ref AWS::NoValue]\n")).empty());
}

TEST_CASE("each error lands on its node with a readable message", "[schema]") {
  std::vector<std::string> expected = {
      "1:7 `Name` `Ab-c` does not match `^[a-z]+$`",
      "2:8 `Count` is 0, less than the minimum 1",
      "3:7 `Mode` `MEDIUM` is not one of `FAST`, `SLOW`",
      "4:5 `On` must be a boolean, not a string",
      "6:5 `Items[0]` has no `Id`",
      "7:1 Unknown key `Extra` in `Properties`",
  };
  CHECK(render(check(
            "Name: Ab-c\nCount: 0\nMode: MEDIUM\nOn: maybe\nItems:\n  - Other: 1\nExtra: 1\n")) ==
        expected);
}

TEST_CASE("a missing required key is reported on the mapping", "[schema]") {
  CHECK(render(check("Count: 10\n")) ==
        std::vector<std::string>{"1:1 `Properties` has no `Name`",
                                 "1:8 `Count` is 10, more than the maximum 9"});
}

TEST_CASE("a list where a mapping is expected names both kinds", "[schema]") {
  CHECK(render(check("Name: abc\nItems: {Id: a}\n")) ==
        std::vector<std::string>{"2:8 `Items` must be a list, not a mapping"});
}

TEST_CASE("empty lists and mappings are not taken for other kinds", "[schema]") {
  // valijson's weak typing would read `[]` as a possible mapping and `{}` as a possible list or
  // string, then fail to read it as one (an exception, or abort() without exceptions).
  CHECK(render(check("[]\n")) ==
        std::vector<std::string>{"1:1 `Properties` must be a mapping, not a list"});
  CHECK(render(check("Name: []\nItems: {}\n")) ==
        std::vector<std::string>{"1:7 `Name` must be a string, not a list",
                                 "2:8 `Items` must be a list, not a mapping"});
  CHECK(render(check("Name: {}\nItems: [[]]\n")) ==
        std::vector<std::string>{"1:7 `Name` must be a string, not a mapping",
                                 "2:9 `Items[0]` must be a mapping, not a list"});
}

TEST_CASE("a schema that is not JSON is a tool error", "[schema]") {
  auto schema = schema::Schema::parse("[1, 2", "broken");
  REQUIRE_FALSE(schema.ok());
  CHECK(schema.error().message == "schema broken is not a JSON object");
}

TEST_CASE("the adapter reports kinds as valijson expects", "[schema]") {
  model::Document document = load::loadText("t.yaml", "a: 1\nb: x\nc: [1, 2]\nd: ~\n");
  schema::NodeAdapter root(document.root);
  REQUIRE(root.isObject());
  CHECK(root.getObjectSize() == 4);
  schema::NodeAdapter a(*document.root.get("a"));
  CHECK(a.isInteger());
  CHECK(a.isString());  // CloudFormation stringifies scalars
  CHECK(a.asString() == "1");
  schema::NodeAdapter c(*document.root.get("c"));
  CHECK(c.isArray());
  CHECK(c.getArraySize() == 2);
  CHECK(schema::NodeAdapter(*document.root.get("d")).isNull());
  CHECK_FALSE(schema::NodeAdapter(*document.root.get("d")).isString());
}
