#include "rules/hooks/hook_facts.h"

#include <algorithm>
#include <cctype>

#include "model/intrinsics.h"
#include "rules/shared/sam_facts.h"
#include "sam/codedeploy_resources.h"
#include "sam/globals.h"
#include "sam/managed_policies.h"
#include "sam/policies.h"
#include "sam/policy_templates.h"

namespace samshift::rules {

using model::MapEntry;
using model::Node;
using model::ResourceView;
using model::Template;

bool isFunctionType(std::string_view type) {
  return type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function";
}

core::Note HookReference::usedHere() const {
  std::string hookName = function ? std::string(function->id) : "The function";
  return core::Note{where.node ? where.node->span() : core::Span{},
                    "`" + hookName + "` runs as `" + std::string(kind) + "` of `" +
                        std::string(subject->id) + "` here"};
}

std::vector<HookReference> hookReferences(const Template& templ,
                                          const std::vector<ShiftingFunction>& functions) {
  std::vector<HookReference> out;
  auto addBranches = [&](HookReference hook, const Node& value) {
    for (const Node* branch : conditionalBranches(value)) {
      hook.value = branch;
      hook.function = nullptr;
      const ResourceView* named = referencedResource(templ, *branch);
      if (named && isFunctionType(named->type)) hook.function = named;
      out.push_back(hook);
    }
  };
  for (const ShiftingFunction& function : functions) {
    if (!function.enabled) continue;
    const Node* hooks = function.hooks();
    if (!hooks || !hooks->isMapping() || hooks->isIntrinsic()) continue;
    for (std::string_view kind : {"PreTraffic", "PostTraffic"}) {
      const Node* value = hooks->get(kind);
      if (!value) continue;
      Located where = function.locate(templ, {"Hooks", kind});
      if (!where) continue;
      addBranches(HookReference{&function, function.resource, function.resource, kind, where},
                  *value);
    }
  }
  for (const ResourceView* alias : templ.resourcesOfType("AWS::Lambda::Alias")) {
    const Node* policy = sam::aliasCodeDeployUpdate(*alias);
    if (!policy || !policy->isMapping() || policy->isIntrinsic()) continue;
    const Node* functionName = alias->property("FunctionName");
    const ResourceView* target = functionName ? referencedResource(templ, *functionName) : nullptr;
    if (target && !isFunctionType(target->type)) target = nullptr;
    for (std::string_view kind : {"BeforeAllowTrafficHook", "AfterAllowTrafficHook"}) {
      const Node* value = policy->get(kind);
      if (!value) continue;
      addBranches(HookReference{nullptr, alias, target, kind, Located{value, false}}, *value);
    }
  }
  return out;
}

namespace {

bool globMatch(std::string_view pattern, std::string_view text) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Actions of a statement: nullopt when not literal.
std::optional<std::vector<std::string>> actionsOf(const Node& statement) {
  const Node* action = statement.get("Action");
  if (!action) return std::vector<std::string>{};
  std::vector<std::string> out;
  if (action->isString()) {
    out.push_back(action->text());
    return out;
  }
  if (!action->isSequence()) return std::nullopt;
  for (const Node& item : action->items()) {
    if (!item.isString()) return std::nullopt;
    out.push_back(item.text());
  }
  return out;
}

struct Evaluation {
  bool granted = false;
  bool unknown = false;
};

void evaluateDocument(const Template& templ, const Node& document, std::string_view action,
                      ResourceMatcher matches, const ResourceView* target, Evaluation& result) {
  if (!document.isMapping() || document.isIntrinsic()) {
    result.unknown = true;
    return;
  }
  const Node* statements = document.get("Statement");
  if (!statements) return;
  std::vector<const Node*> list;
  if (statements->isMapping() && !statements->isIntrinsic())
    list.push_back(statements);
  else if (statements->isSequence())
    for (const Node& item : statements->items()) list.push_back(&item);
  else
    result.unknown = true;
  for (const Node* statement : list) {
    if (!statement->isMapping() || statement->isIntrinsic()) {
      result.unknown = true;
      continue;
    }
    const Node* effect = statement->get("Effect");
    if (!effect || !effect->isString("Allow")) continue;
    if (statement->has("NotAction") || statement->has("NotResource")) {
      result.unknown = true;
      continue;
    }
    auto actions = actionsOf(*statement);
    if (!actions) {
      result.unknown = true;
      continue;
    }
    bool actionMatches =
        std::any_of(actions->begin(), actions->end(),
                    [&](const std::string& pattern) { return globMatch(pattern, action); });
    if (!actionMatches) continue;
    const Node* resource = statement->get("Resource");
    if (!resource) continue;
    std::vector<const Node*> resources;
    if (resource->isSequence())
      for (const Node& item : resource->items()) resources.push_back(&item);
    else
      resources.push_back(resource);
    for (const Node* one : resources) {
      if (one->isString("*") || matches(templ, *one, target)) result.granted = true;
    }
  }
}

// An AWS managed policy by ARN or name: what it grants of the action (src/sam knows a few).
void evaluateManaged(std::string_view arn, std::string_view action, Evaluation& result) {
  size_t slash = arn.rfind('/');
  std::string_view name = slash == std::string_view::npos ? arn : arn.substr(slash + 1);
  auto grants = sam::managedPolicyGrants(name);
  if (!grants) {
    result.unknown = true;
    return;
  }
  for (std::string_view pattern : *grants) {
    if (globMatch(pattern, action)) result.granted = true;
  }
}

void evaluateManagedNode(const Node& node, std::string_view action, Evaluation& result) {
  if (node.isString()) {
    evaluateManaged(node.text(), action, result);
    return;
  }
  if (node.intrinsicName() == "Fn::Sub") {
    const Node& arg = node.intrinsicArgument();
    const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
    if (text.isString() && text.text().find("iam::aws:policy/") != std::string::npos) {
      evaluateManaged(text.text(), action, result);
      return;
    }
  }
  result.unknown = true;
}

// A role of the template: inline policies, managed policies, and AWS::IAM::Policy /
// ManagedPolicy resources attached to it.
void evaluateRole(const Template& templ, const ResourceView& role, std::string_view action,
                  ResourceMatcher matches, const ResourceView* target, Evaluation& result) {
  if (const Node* policies = role.property("Policies")) {
    for (const Node* policy : listItems(*policies)) {
      const Node* document = policy->isMapping() ? policy->get("PolicyDocument") : nullptr;
      if (document)
        evaluateDocument(templ, *document, action, matches, target, result);
      else
        result.unknown = true;
    }
  }
  if (const Node* managed = role.property("ManagedPolicyArns")) {
    for (const Node* arn : listItems(*managed)) {
      const ResourceView* local = referencedResource(templ, *arn);
      if (local && local->type == "AWS::IAM::ManagedPolicy") {
        if (const Node* document = local->property("PolicyDocument")) {
          evaluateDocument(templ, *document, action, matches, target, result);
        }
      } else {
        evaluateManagedNode(*arn, action, result);
      }
    }
  }
  for (const ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::IAM::Policy" && resource.type != "AWS::IAM::ManagedPolicy") continue;
    const Node* roles = resource.property("Roles");
    if (!roles) continue;
    bool attached = false;
    for (const Node* item : listItems(*roles))
      attached = attached || referencedResource(templ, *item) == &role;
    if (!attached) continue;
    if (const Node* document = resource.property("PolicyDocument")) {
      evaluateDocument(templ, *document, action, matches, target, result);
    }
  }
}

// A SAM policy template (`{Name: values}`): the document SAM makes of it, from src/sam's table.
void evaluatePolicyTemplate(const Template& templ, const Node& entry, std::string_view action,
                            ResourceMatcher matches, const ResourceView* target,
                            Evaluation& result) {
  const MapEntry& written = entry.entries()[0];
  const sam::PolicyTemplate* policyTemplate = sam::findPolicyTemplate(written.key.text());
  // A template SAM rejects fails the deployment: the rules that report that say so.
  if (!policyTemplate || sam::policyTemplateRejection(*policyTemplate, written.value)) {
    result.unknown = true;
    return;
  }
  std::optional<Node> document = sam::instantiatePolicyTemplate(*policyTemplate, written.value);
  if (!document) {
    result.unknown = true;
    return;
  }
  evaluateDocument(templ, *document, action, matches, target, result);
}

// One entry of a SAM function's `Policies`, of the kind SAM gives it; each branch of an `Fn::If`.
void evaluatePolicyEntry(const Template& templ, const Node& entry, std::string_view action,
                         ResourceMatcher matches, const ResourceView* target, Evaluation& result) {
  std::optional<sam::PolicyKind> kind = sam::policyKind(entry);
  if (kind && entry.isIntrinsic() && entry.intrinsicName() == "Fn::If") {
    for (size_t branch = 1; branch < 3; ++branch) {
      const Node& value = entry.intrinsicArgument().items()[branch];
      if (!sam::isNoValue(value))
        evaluatePolicyEntry(templ, value, action, matches, target, result);
    }
    return;
  }
  if (kind == sam::PolicyKind::kManagedPolicy && entry.isString()) {
    evaluateManaged(entry.text(), action, result);
  } else if (kind == sam::PolicyKind::kStatement) {
    evaluateDocument(templ, entry, action, matches, target, result);
  } else if (kind == sam::PolicyKind::kTemplate) {
    evaluatePolicyTemplate(templ, entry, action, matches, target, result);
  } else {
    result.unknown = true;
  }
}

// An `Fn::Sub` resource (as SAM's policy templates write theirs, `${functionName}` given in the
// variables map): it names the target when a reference or variable refers to it, and not when one
// refers to another function; else, when every part has a literal value, its text (pseudo
// parameters as `*`) is matched as a string resource.
bool subNamesFunction(const Template& templ, const Node& arg, const ResourceView& target) {
  const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
  if (!text.isString()) return true;
  const Node* variables = arg.isSequence() && arg.items().size() > 1 && arg.items()[1].isMapping()
                              ? &arg.items()[1]
                              : nullptr;
  const std::string& source = text.text();
  std::string rendered;
  size_t copied = 0;
  bool literal = true;
  for (const model::SubReference& ref : model::subReferences(source)) {
    size_t open = source.rfind("${", ref.offset);
    rendered.append(source, copied, open - copied);
    copied = source.find('}', ref.offset) + 1;
    const Node* value = variables ? variables->get(ref.name) : nullptr;
    const ResourceView* named = value ? referencedResource(templ, *value)
                                      : templ.resource(ref.name.substr(0, ref.name.find('.')));
    if (named == &target) return true;
    if (named && isFunctionType(named->type)) return false;
    std::optional<std::string> literalValue =
        value && !named ? resolvedString(templ, *value) : std::nullopt;
    if (literalValue) {
      rendered += *literalValue;
    } else if (!value && model::isPseudoParameter(ref.name)) {
      rendered += '*';
    } else {
      literal = false;
    }
  }
  rendered.append(source, copied);
  return !literal || namesFunction(templ, Node::string(rendered), &target);
}

}  // namespace

bool anyResource(const Template&, const Node&, const ResourceView*) { return true; }

bool namesFunction(const Template& templ, const Node& resource, const ResourceView* target) {
  if (!target) return true;
  if (resource.isString()) {
    auto name = literalFunctionName(templ, *target);
    if (!name) return resource.text().find('*') != std::string::npos;
    std::string arn = "arn:aws:lambda:region:account:function:" + *name;
    // Compare the function part only: region, account and partition are not known here.
    std::string_view pattern = resource.text();
    size_t functionPart = pattern.find(":function:");
    if (functionPart == std::string_view::npos) return globMatch(pattern, *name);
    return globMatch(pattern.substr(functionPart + 10), *name) ||
           globMatch(pattern.substr(functionPart + 10), *name + ":live");
  }
  const ResourceView* referenced = referencedResource(templ, resource);
  if (referenced) return referenced == target;
  if (resource.intrinsicName() == "Fn::Sub")
    return subNamesFunction(templ, resource.intrinsicArgument(), *target);
  return true;
}

Grant roleMay(const Template& templ, const ResourceView& role, std::string_view action,
              ResourceMatcher matches, const ResourceView* target) {
  Evaluation result;
  evaluateRole(templ, role, action, matches, target, result);
  if (result.granted) return Grant::kYes;
  return result.unknown ? Grant::kUnknown : Grant::kNo;
}

Grant functionMay(const engine::RuleContext& context, const ResourceView& function,
                  std::string_view action, ResourceMatcher matches, const ResourceView* target) {
  const Template& templ = context.templ;
  Evaluation result;
  if (function.type == "AWS::Serverless::Function") {
    const Node& properties = samFacts(context).mergedProperties(function);
    if (const Node* role = properties.get("Role")) {
      const ResourceView* local = referencedResource(templ, *role);
      if (!local || local->type != "AWS::IAM::Role") return Grant::kUnknown;
      evaluateRole(templ, *local, action, matches, target, result);
    } else {
      for (const Node* policy : sam::policyEntries(properties.get("Policies")))
        evaluatePolicyEntry(templ, *policy, action, matches, target, result);
    }
    // Policies attached from outside to the role SAM generates (`<Function>Role`).
    std::string generatedRole = std::string(function.id) + "Role";
    for (std::string_view policyType : {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"}) {
      for (const ResourceView* resource : templ.resourcesOfType(policyType)) {
        const Node* roles = resource->property("Roles");
        if (!roles) continue;
        for (const Node* item : listItems(*roles)) {
          auto name = model::refName(*item);
          if (name && *name == generatedRole) {
            if (const Node* document = resource->property("PolicyDocument")) {
              evaluateDocument(templ, *document, action, matches, target, result);
            }
          } else if (!name) {
            result.unknown = true;
          }
        }
      }
    }
  } else if (function.type == "AWS::Lambda::Function") {
    const Node* role = function.property("Role");
    const ResourceView* local = role ? referencedResource(templ, *role) : nullptr;
    if (!local || local->type != "AWS::IAM::Role") return Grant::kUnknown;
    evaluateRole(templ, *local, action, matches, target, result);
  } else {
    return Grant::kUnknown;
  }
  if (result.granted) return Grant::kYes;
  return result.unknown ? Grant::kUnknown : Grant::kNo;
}

}  // namespace samshift::rules
