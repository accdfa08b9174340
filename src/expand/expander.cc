#include "expand/expander.h"

#include <algorithm>

#include "core/printable_text.h"
#include "expand/api/api_generator.h"
#include "expand/capacity_provider.h"
#include "expand/codedeploy.h"
#include "expand/function.h"
#include "expand/layer.h"
#include "expand/resource_refs.h"
#include "expand/state_machine.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

void collectValidation(ExpandContext& ctx) {
  for (const sam::SamProblem& problem : sam::validateSamTemplate(ctx.templ)) {
    ctx.error(problem.subjectId, problem.code, sam::samMessage(problem, problem.subjectId), problem.node);
  }
  if (!ctx.errors.empty()) return;
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    auto problems = sam::validateSamResource(ctx.templ, resource, ctx.params);
    // SAM stops at the first problem of a resource.
    if (!problems.empty()) {
      const std::string& subject = problems[0].subjectId;
      ctx.error(subject.empty() ? std::string(resource.id) : subject, problems[0].code,
                sam::samMessage(problems[0], resource.id),
                problems[0].node);
    }
  }
}

// Resource attributes SAM gives meaning to that samshift does not expand yet.
void checkResourceAttributes(ExpandContext& ctx) {
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (!resource.node || !resource.node->isMapping()) continue;
    for (const MapEntry& entry : resource.node->entries()) {
      const std::string& key = entry.key.text();
      bool plain = key == "Type" || key == "Properties" || key == "Condition" || key == "DependsOn" ||
                   key == "DeletionPolicy" || key == "UpdateReplacePolicy" || key == "UpdatePolicy" ||
                   key == "Metadata";
      bool odd = (key == "Condition" && !entry.value.isString()) ||
                 (key == "DependsOn" && !entry.value.isString() && !entry.value.isSequence());
      if (!plain || odd || (key == "Metadata" && resource.isServerless())) {
        ctx.notSupported("attribute " + key + " of resource " + std::string(resource.id));
      }
    }
  }
}

}  // namespace

ExpandResult expandTemplate(const Node& root, const sam::ParameterValues& params) {
  model::Template templ(root);
  ExpandContext ctx(templ, params);
  ExpandResult result;
  if (!root.isMapping() || !templ.resourcesNode() || !templ.resourcesNode()->isMapping()) {
    result.unsupported = "a template without a Resources mapping";
    return result;
  }
  collectValidation(ctx);
  if (!ctx.errors.empty()) {
    result.errors = std::move(ctx.errors);
    return result;
  }
  api::collectApis(ctx);
  checkResourceAttributes(ctx);
  // Plain resources first, so event sources can amend them (S3 bucket notifications).
  for (const model::ResourceView& resource : templ.resources()) {
    if (!resource.isServerless() && resource.node) ctx.add(std::string(resource.id), *resource.node);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    ctx.owner = std::string(resource.id);
    if (resource.type == "AWS::Serverless::Function") expandFunction(ctx, resource);
  }
  ctx.owner.clear();
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::StateMachine") expandStateMachine(ctx, resource);
  }
  std::map<std::string, std::string, std::less<>> renamed;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::LayerVersion") {
      std::string newId = expandLayer(ctx, resource);
      if (!newId.empty()) renamed.emplace(std::string(resource.id), newId);
    } else if (resource.type == "AWS::Serverless::CapacityProvider") {
      expandCapacityProvider(ctx, resource);
    } else if (resource.isServerless() && resource.type != "AWS::Serverless::Function" &&
               resource.type != "AWS::Serverless::StateMachine" && resource.type != "AWS::Serverless::Api" &&
               resource.type != "AWS::Serverless::HttpApi") {
      ctx.notSupported("resource type " + std::string(resource.type) + " (" + std::string(resource.id) + ")");
    }
  }
  api::emitApis(ctx);
  emitSharedCodeDeploy(ctx);
  if (!ctx.errors.empty()) {
    result.errors = std::move(ctx.errors);
    return result;
  }
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
      for (const MapEntry& extra : ctx.extraConditions.entries()) conditions.set(extra.key.text(), extra.value);
      output.set(key, std::move(conditions));
    } else {
      output.set(key, entry.value);
    }
  }
  rewriteResourceRefs(output, ctx, renamed);
  result.output = std::move(output);
  return result;
}

std::string formatErrors(const core::SourceFile& source, const std::vector<ExpandError>& errors) {
  std::string out;
  for (const ExpandError& error : errors) {
    core::Position at{1, 1, 0};
    if (error.node && error.node->span().known()) at = source.position(error.node->span().begin);
    out += core::printableText(source.path()) + ":" + std::to_string(at.line) + ":" +
           std::to_string(at.column) + ": error " + error.code + " " +
           core::printableText(error.message) + "\n";
  }
  // Messages carry template text (logical IDs, values): escaped, so it cannot forge a line.
  return out + core::printableText(overallErrorMessage(errors)) + "\n";
}

std::string overallErrorMessage(const std::vector<ExpandError>& errors) {
  std::vector<const ExpandError*> sorted;
  for (const ExpandError& error : errors) sorted.push_back(&error);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ExpandError* a, const ExpandError* b) { return a->logicalId < b->logicalId; });
  std::vector<std::string> messages;
  for (const ExpandError* error : sorted) {
    if (std::find(messages.begin(), messages.end(), error->message) == messages.end()) {
      messages.push_back(error->message);
    }
  }
  std::string out = "Invalid Serverless Application Specification document. Number of errors found: " +
                    std::to_string(messages.size()) + ".";
  for (const std::string& message : messages) out += " " + message;
  return out;
}

}  // namespace samshift::expand
