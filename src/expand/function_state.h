#pragma once
// What the function emitters share while one AWS::Serverless::Function is expanded.

#include <optional>
#include <string>

#include "expand/context.h"
#include "model/node.h"
#include "model/template.h"
#include "sam/deployment_model.h"

namespace samshift::expand {

struct FunctionState {
  const model::ResourceView& resource;
  std::string id;
  model::Node props;  // SAM properties with Globals merged
  PassThrough pass;
  sam::DeploymentModel deployment;
  model::Node lambdaProps = model::Node::mapping();  // the AWS::Lambda::Function properties
  model::Node role;                                  // the generated role, when there is one
  std::string roleId;
  std::optional<std::string> aliasId;
  std::optional<std::string> aliasName;
  std::optional<std::string> versionId;
  model::Node alias;  // the alias resource until it is added (CodeDeploy adds UpdatePolicy)

  // What events and permissions invoke: the alias when there is one, else the function.
  model::Node target() const;
  // What targets that need an ARN get: the alias (its Ref is its ARN), else the function's Arn.
  model::Node arn() const;
  const model::Node* property(std::string_view name) const { return props.get(name); }
  // The user's Tags when PropagateTags hands them to the generated resources, else null.
  const model::Node* propagatedTags() const;
};

// The emitters, in the order SAM runs them.
void buildLambdaFunction(ExpandContext& ctx, FunctionState& fn);
void buildExecutionRole(ExpandContext& ctx, FunctionState& fn);
void emitVersionAndAlias(ExpandContext& ctx, FunctionState& fn);
void emitEventInvokeConfig(ExpandContext& ctx, FunctionState& fn);
void emitFunctionUrl(ExpandContext& ctx, FunctionState& fn);
void recordDeploymentPreference(ExpandContext& ctx, FunctionState& fn);
void emitFunctionEvents(ExpandContext& ctx, FunctionState& fn);
// The function's Role once the role is built and its events have used it (conditional_role.cc);
// drops the generated role when the function does not use it.
void settleExecutionRole(ExpandContext& ctx, FunctionState& fn);

// Tags as CloudFormation lists them: `[{Key, Value}…]` from a SAM tag map, optionally led by
// SAM's own `lambda:createdBy` tag.
model::Node tagList(const model::Node* tags, bool samTag);

}  // namespace samshift::expand
