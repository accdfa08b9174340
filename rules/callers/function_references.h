#pragma once
// The R rules' view of a template's callers: src/sam owns caller discovery
// (sam/function_callers.h); the rules share one index per document, built over the deployment
// models SamFacts keeps.

#include "engine/rule.h"
#include "sam/function_callers.h"

namespace samshift::rules::callers {

using sam::ApiIntegration;
using sam::apiIntegrations;
using sam::FunctionIndex;
using sam::FunctionReference;
using sam::isApiGatewayPrincipal;
using sam::Permission;
using sam::permissions;
using sam::Qualifier;

// The index, built once per document and shared by the rules that ask.
const FunctionIndex& functionIndex(const engine::RuleContext& context);
// The template's API integrations and Lambda permissions (sam::apiIntegrations,
// sam::permissions), found once per document for the R rules that read them.
const std::vector<ApiIntegration>& apiIntegrations(const engine::RuleContext& context);
const std::vector<Permission>& permissions(const engine::RuleContext& context);

// What a permission allows, or an invocation invokes, of its function: "" the function itself
// (unqualified or `$LATEST`), an alias name, "#3" version 3. Nullopt when unknown.
std::optional<std::string> targetKey(const FunctionReference& ref);
// A target key in a message: "`Fn` unqualified", "`Fn:live`", "version 3 of `Fn`".
std::string describeTarget(const std::string& function, const std::string& key);

}  // namespace samshift::rules::callers
