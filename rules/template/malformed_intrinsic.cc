// T004: an unknown short-form tag, or an intrinsic function of the wrong shape.

#include <string>

#include "engine/registry.h"
#include "model/intrinsics.h"

namespace samshift::rules {

namespace {

using model::Node;

struct Shape {
  std::string_view function;
  size_t minItems;
  size_t maxItems;  // list arguments; 0 = not checked
  bool scalarAllowed;
  std::string_view expected;
};

// Argument shapes CloudFormation accepts (Fn::Sub, Fn::GetAtt and Ref are checked apart).
constexpr Shape kShapes[] = {
    {"Fn::If", 3, 3, false, "a list of [condition name, value if true, value if false]"},
    {"Fn::Equals", 2, 2, false, "a list of two values"},
    {"Fn::Not", 1, 1, false, "a list of one condition"},
    {"Fn::And", 2, 10, false, "a list of 2 to 10 conditions"},
    {"Fn::Or", 2, 10, false, "a list of 2 to 10 conditions"},
    {"Fn::Select", 2, 2, false, "a list of [index, list]"},
    {"Fn::Split", 2, 2, false, "a list of [delimiter, string]"},
    {"Fn::Join", 2, 2, false, "a list of [delimiter, list of values]"},
    {"Fn::FindInMap", 3, 4, false, "a list of [map name, top-level key, second-level key]"},
    {"Fn::Cidr", 3, 3, false, "a list of [IP block, count, CIDR bits]"},
};

std::string describe(const Node& node) { return std::string(model::nodeKindName(node.kind())); }

class MalformedIntrinsic : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T004", "malformed-intrinsic", core::Severity::kError,
        "Unknown short-form tag, or an intrinsic function of the wrong shape",
        R"(## What it does
Checks every CloudFormation intrinsic function: the tag or function name must exist
(`!Ref`, `!GetAtt`, `!Sub`, `!If`, …) and its argument must have the shape CloudFormation
expects: `!GetAtt` needs a resource and an attribute, `!If` three items, `!Equals` two,
`!Ref` a name (and not the name of a mapping), `!Sub` a string or a [string, variables] pair.

## Why is this bad?
The SAM transform passes unknown tags through as `Fn::Whatever`, and CloudFormation rejects the
stack at deploy time with a message that names no line.

## Example
```yaml
Outputs:
  Arn:
    Value: !GetAtt Function
  Stage:
    Value: !If [IsProd, prod]
```

## Use instead
```yaml
Outputs:
  Arn:
    Value: !GetAtt Function.Arn
  Stage:
    Value: !If [IsProd, prod, dev]
```
)"};
    return kInfo;
  }

  bool wantsNodes() const override { return true; }

  void checkNode(const engine::RuleContext& context, const Node& node, const engine::NodePath& path,
                 engine::Reporter& reporter) const override {
    if (!node.isMapping() || node.entries().size() != 1) return;
    // Inside an AWS::LanguageExtensions loop, names are made by the loop's variables.
    for (const engine::PathElement& element : path) {
      if (element.key.substr(0, 13) == "Fn::ForEach::") return;
    }
    const model::MapEntry& entry = node.entries().front();
    std::string_view name = entry.key.text();
    const std::string& tag = node.tag();
    if (!tag.empty() && tag[0] == '!' &&
        !model::isKnownShortForm(std::string_view(tag).substr(1))) {
      reporter.report(entry.key, "Unknown tag `" + tag + "`; CloudFormation has no function `" +
                                     std::string(name) + "`");
      return;
    }
    if (!node.isIntrinsic()) return;
    if (!model::isKnownIntrinsic(name)) {
      if (name.substr(0, 4) == "Fn::")
        reporter.report(entry.key, "Unknown intrinsic function `" + std::string(name) + "`");
      return;
    }
    checkShape(context, node, name, entry.value, reporter);
  }

 private:
  void checkShape(const engine::RuleContext& context, const Node& node, std::string_view name,
                  const Node& arg, engine::Reporter& reporter) const {
    const Node& at = arg.span().known() ? arg : node;
    if (name == "Ref") {
      if (!arg.isString()) {
        reporter.report(at,
                        "`Ref` takes the name of a parameter or resource, not a " + describe(arg));
      } else if (context.templ.hasMapping(arg.text()) && !context.templ.resource(arg.text()) &&
                 !context.templ.parameter(arg.text())) {
        reporter.report(at, "`Ref` names the mapping `" + arg.text() +
                                "`; read a mapping with `Fn::FindInMap`");
      }
      return;
    }
    if (name == "Fn::GetAtt") {
      bool ok = (arg.isString() && arg.text().find('.') != std::string::npos &&
                 arg.text().front() != '.' && arg.text().back() != '.') ||
                (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString() &&
                 (arg.items()[1].isString() || arg.items()[1].isMapping()));
      if (!ok)
        reporter.report(at,
                        "`Fn::GetAtt` needs a resource and an attribute (`Resource.Attribute`)");
      return;
    }
    if (name == "Fn::Sub") {
      bool ok = arg.isString() || arg.isIntrinsic() ||
                (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString() &&
                 (arg.items()[1].isMapping()));
      if (arg.isSequence() && arg.items().size() == 1 && arg.items()[0].isString()) ok = true;
      if (!ok)
        reporter.report(at,
                        "`Fn::Sub` takes a string, or a list of [string, mapping of variables]");
      return;
    }
    if (name == "Condition") {
      if (!arg.isString())
        reporter.report(at, "`Condition` takes the name of a condition, not a " + describe(arg));
      return;
    }
    for (const Shape& shape : kShapes) {
      if (shape.function != name) continue;
      if (arg.isIntrinsic()) return;  // computed at deploy time
      if (!arg.isSequence() || arg.items().size() < shape.minItems ||
          arg.items().size() > shape.maxItems) {
        std::string got = arg.isSequence() ? "a list of " + std::to_string(arg.items().size())
                                           : "a " + describe(arg);
        reporter.report(at, "`" + std::string(name) + "` takes " + std::string(shape.expected) +
                                ", not " + got);
        return;
      }
      if (name == "Fn::If" && !arg.items()[0].isString()) {
        reporter.report(arg.items()[0],
                        "The first item of `Fn::If` must be the name of a condition");
      }
      return;
    }
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(MalformedIntrinsic)

}  // namespace samshift::rules
