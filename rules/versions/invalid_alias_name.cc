// V002: an alias name SAM or Lambda rejects.

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/registry.h"
#include "model/intrinsics.h"
#include "rules/deployment/deployment_facts.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

class InvalidAliasName : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{"V002", "invalid-alias-name", core::Severity::kError,
                                        "The `AutoPublishAlias` name is empty, all digits, too "
                                        "long or has characters outside `[A-Za-z0-9_-]`",
                                        R"(## What it does
Checks the alias name of `AutoPublishAlias` as the SAM transform does (after resolving a
parameter `Ref` with its Default): it must not be empty, must not be all digits and may only use
letters, digits, `-` and `_`. For a parameter, every value of its `AllowedValues` is checked
too, and a name longer than 128 characters (Lambda's limit) is reported.

## Why is this bad?
SAM rejects the template ("AutoPublishAlias name ('…') must contain only alphanumeric
characters…"), or, for a value that only a parameter allows, the deploy with that value fails.

## Example
```yaml
AutoPublishAlias: "2024"
```

## Use instead
```yaml
AutoPublishAlias: v2024
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {"alias-name-required", "alias-name-invalid"};
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const model::Template& templ = context.templ;
    reportSamProblems(context, *this, &describe, reporter);
    // Values SAM does not see: a parameter's AllowedValues, and Lambda's length limit.
    std::vector<const model::Node*> reported;
    for (const ResourceProblem& problem : samProblems(context)) {
      if (owns(*this, problem)) reported.push_back(problem.problem.node);
    }
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type != "AWS::Serverless::Function") continue;
      Located alias = locateProperty(templ, resource, {"AutoPublishAlias"});
      if (!alias || std::find(reported.begin(), reported.end(), alias.node) != reported.end())
        continue;
      auto name = model::refName(*alias.node);
      const model::Node* parameter = name ? templ.parameter(*name) : nullptr;
      std::vector<std::string> values;
      // SAM treats a literal empty name as no alias at all (rule D001 covers what follows).
      if (alias.node->isString() && !alias.node->text().empty())
        values.push_back(alias.node->text());
      if (parameter) {
        if (const model::Node* allowed = parameter->get("AllowedValues");
            allowed && allowed->isSequence()) {
          for (const model::Node& value : allowed->items()) {
            if (value.isScalar()) values.push_back(value.text());
          }
        }
      }
      for (const std::string& value : values) {
        std::optional<std::string> problem = nameProblem(value);
        if (!problem) continue;
        reported.push_back(alias.node);
        std::vector<core::Note> notes;
        if (parameter) {
          notes.push_back(
              core::Note{parameter->get("AllowedValues")->span(),
                         "Parameter `" + std::string(*name) + "` allows `" + value + "` here"});
        }
        if (alias.fromGlobals) notes.push_back(inheritedNote(resource));
        reporter.report(*alias.node, "Alias name `" + value + "` " + *problem, std::move(notes));
        break;
      }
    }
  }

 private:
  static std::optional<std::string> nameProblem(const std::string& name) {
    if (name.empty()) return "is empty";
    if (name.size() > 128) return "is longer than 128 characters";
    bool digits = true;
    for (char c : name) {
      bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
      if (!alnum && c != '-' && c != '_') return "may only contain letters, digits, `-` and `_`";
      digits = digits && std::isdigit(static_cast<unsigned char>(c));
    }
    if (digits) return "is all digits";
    return std::nullopt;
  }

  static std::string describe(const ResourceProblem& problem) {
    if (problem.problem.code == "alias-name-required")
      return "Alias name of `AutoPublishAlias` is empty";
    const std::string& text = problem.problem.message;  // AutoPublishAlias name ('…') must …
    size_t begin = text.find("('") + 2;
    std::string name = text.substr(begin, text.find("')") - begin);
    auto why = nameProblem(name);
    return "Alias name `" + name + "` " + (why ? *why : "is not valid");
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(InvalidAliasName)

}  // namespace samshift::rules
