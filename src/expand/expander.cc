#include "expand/expander.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/printable_text.h"
#include "expand/api/api_generator.h"
#include "expand/capacity_provider.h"
#include "expand/codedeploy.h"
#include "expand/function.h"
#include "expand/layer.h"
#include "expand/resource_refs.h"
#include "expand/state_machine.h"
#include "expand/tree_path.h"
#include "model/scalar_resolver.h"
#include "model/template.h"
#include "sam/problem_codes.h"
#include "sam/transforms.h"
#include "sam/validation.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

bool inScope(const sam::SamProblem& problem, sam::ProblemScope scope) {
  const sam::ProblemCode* code = sam::findProblemCode(problem.code);
  return code && code->scope == scope;
}

bool generated(const sam::SamProblem& problem) {
  return inScope(problem, sam::ProblemScope::kGenerated);
}

// Why SAM rejects the template, as SAM reports it. The only source of expand's errors: what
// expand rejects is what src/sam validates, which lint reports too.
std::vector<ExpandError> samRejections(const model::Template& templ,
                                       const sam::ParameterValues& params) {
  std::vector<ExpandError> errors;
  for (const sam::SamProblem& problem : sam::validateSamTemplate(templ)) {
    errors.push_back({problem.subjectId, problem.code, sam::samMessage(problem, problem.subjectId),
                      problem.node});
  }
  if (!errors.empty()) return errors;
  for (const model::ResourceView* serverless : sam::transformOrder(templ)) {
    const model::ResourceView& resource = *serverless;
    auto problems = sam::validateSamResource(templ, resource, params);
    // A template-level problem met in a resource (an Fn::Sub SAM cannot resolve) stops SAM there,
    // and it reports nothing else.
    if (!problems.empty() && inScope(problems[0], sam::ProblemScope::kTemplate)) {
      const sam::SamProblem& problem = problems[0];
      return {{std::string(resource.id), problem.code, sam::samMessage(problem, resource.id),
               problem.node}};
    }
    // SAM stops at the first problem of a resource; when that is a generated resource whose
    // logical ID is taken, it reports every such resource.
    for (const sam::SamProblem& problem : problems) {
      if (&problem != &problems[0] && !(generated(problems[0]) && generated(problem))) break;
      const std::string& subject = problem.subjectId;
      errors.push_back({subject.empty() ? std::string(resource.id) : subject, problem.code,
                        sam::samMessage(problem, resource.id), problem.node});
    }
  }
  return errors;
}

// Resource attributes SAM gives meaning to that samshift does not expand yet.
void checkResourceAttributes(ExpandContext& ctx) {
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (!resource.node || !resource.node->isMapping()) continue;
    for (const MapEntry& entry : resource.node->entries()) {
      const std::string& key = entry.key.text();
      bool plain = key == "Type" || key == "Properties" || key == "Condition" ||
                   key == "DependsOn" || key == "DeletionPolicy" || key == "UpdateReplacePolicy" ||
                   key == "UpdatePolicy" || key == "Metadata";
      bool odd = (key == "Condition" && !entry.value.isString()) ||
                 (key == "DependsOn" && !entry.value.isString() && !entry.value.isSequence());
      // An Api's Metadata goes to its RestApi (api/api_generator.cc).
      bool metadataDropped =
          key == "Metadata" && resource.isServerless() && resource.type != "AWS::Serverless::Api";
      if (!plain || odd || metadataDropped) {
        ctx.notSupported("attribute " + key + " of resource " + std::string(resource.id));
      }
    }
  }
}

// Python turns no more than this many digits into an int or back into text
// (sys.int_info.default_max_str_digits): SAM cannot read a template with a longer integer.
constexpr size_t kMaxPythonDigits = 4300;

size_t digitCount(const Node& bigInteger) {
  std::string digits = model::bigIntegerDigits(bigInteger);
  return digits.size() - (digits[0] == '-' ? 1 : 0);
}

// An integer SAM's Python would hold exactly and samshift cannot: beyond 64 bits and not written
// in decimal, or too long for Python to read; null when there is none.
const Node* unwritableInteger(const Node& root, std::string& path) {
  return findWithPath(
      root,
      [](const Node& node) {
        model::BigInteger big = model::bigInteger(node);
        return big == model::BigInteger::kOtherBase ||
               (big == model::BigInteger::kDecimal && digitCount(node) > kMaxPythonDigits);
      },
      path);
}

}  // namespace

ExpandResult expandTemplate(const Node& root, const sam::ParameterValues& params) {
  model::Template templ(root);
  ExpandContext ctx(templ, params);
  ExpandResult result;
  if (!root.isMapping()) {
    result.unsupported = "a template that is not a mapping";
    return result;
  }
  // Another transform rewrites the template before SAM or SAM's output after it. Listed after
  // SAM's, SAM still reads the template as written: its rejection is exactly what happens.
  std::optional<std::string> otherTransform = sam::unsupportedTransform(templ);
  if (otherTransform && sam::languageExtensions(templ) != sam::LanguageExtensions::kAfterSam) {
    result.unsupported = std::move(otherTransform);
    return result;
  }
  std::string path;
  if (const Node* integer = unwritableInteger(root, path)) {
    if (model::bigInteger(*integer) == model::BigInteger::kDecimal) {
      result.unsupported = "an integer of more than " + std::to_string(kMaxPythonDigits) +
                           " digits, which SAM's Python does not read (" + path + ")";
      return result;
    }
    ctx.notSupported("an integer beyond 64 bits not written in decimal (" + path + ")");
  }
  result.errors = samRejections(templ, params);
  if (!result.errors.empty()) return result;
  if (otherTransform) {
    result.unsupported = std::move(otherTransform);
    return result;
  }
  api::collectApis(ctx);
  checkResourceAttributes(ctx);
  // Plain resources first, so event sources can amend them (S3 bucket notifications).
  for (const model::ResourceView& resource : templ.resources()) {
    if (!resource.isServerless() && resource.node)
      ctx.add(std::string(resource.id), *resource.node);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    ctx.owner = std::string(resource.id);
    if (resource.type == "AWS::Serverless::Function") expandFunction(ctx, resource);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    ctx.owner = std::string(resource.id);
    if (resource.type == "AWS::Serverless::StateMachine") expandStateMachine(ctx, resource);
  }
  ctx.owner.clear();
  std::map<std::string, std::string, std::less<>> renamed;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::LayerVersion") {
      std::string newId = expandLayer(ctx, resource);
      if (!newId.empty()) renamed.emplace(std::string(resource.id), newId);
    } else if (resource.type == "AWS::Serverless::CapacityProvider") {
      expandCapacityProvider(ctx, resource);
    } else if (resource.isServerless() && resource.type != "AWS::Serverless::Function" &&
               resource.type != "AWS::Serverless::StateMachine" &&
               resource.type != "AWS::Serverless::Api" &&
               resource.type != "AWS::Serverless::HttpApi") {
      ctx.notSupported("resource type " + std::string(resource.type) + " (" +
                       std::string(resource.id) + ")");
    }
  }
  api::emitApis(ctx);
  emitSharedCodeDeploy(ctx);
  if (ctx.unsupported) {
    result.unsupported = ctx.unsupported;
    return result;
  }
  Node output = Node::mapping();
  for (const MapEntry& entry : root.entries()) {
    const std::string& key = entry.key.text();
    if (key == "Transform" || key == "Globals") continue;
    if (key == "Resources") {
      output.set("Resources", ctx.resources);
    } else if (key == "Conditions" && entry.value.isMapping()) {
      Node conditions = entry.value;
      for (const MapEntry& extra : ctx.extraConditions.entries())
        conditions.set(extra.key.text(), extra.value);
      output.set(key, std::move(conditions));
    } else {
      output.set(key, entry.value);
    }
  }
  rewriteResourceRefs(output, ctx, renamed);
  result.output = std::move(output);
  return result;
}

std::string overallErrorMessage(const std::vector<ExpandError>& errors) {
  // In the order SAM meets the resources, as the SAM translator v1.110.0 prints them (SAM's own
  // test suite sorts them, and so do the expected messages of its fixtures).
  std::vector<std::string> messages;
  std::unordered_set<std::string_view> seen;  // a template may carry a rejection per resource
  for (const ExpandError& error : errors) {
    if (seen.insert(error.message).second) messages.push_back(error.message);
  }
  std::string out =
      "Invalid Serverless Application Specification document. Number of errors found: " +
      std::to_string(messages.size()) + ".";
  for (const std::string& message : messages) out += " " + message;
  return out;
}

}  // namespace samshift::expand
