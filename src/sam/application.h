#pragma once
// AWS::Serverless::Application as SAM reads it: its ServerlessAppPlugin
// (samtranslator/plugins/application/serverless_app_plugin.py) and SamApplication
// (model/sam_resources.py). A `Location` string is the nested stack's TemplateURL. A `Location`
// {ApplicationId, SemanticVersion} names a Serverless Application Repository application: before
// it transforms anything but the template's structure, SAM asks AWS for that application's
// template (CreateCloudFormationTemplate), and its answer — a URL, a refusal, an error that stops
// the transform — is not in the template.

#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// Why SAM's transform of the template depends on AWS: the first application whose Location SAM
// sends to the Serverless Application Repository; nullopt when none is sent.
std::optional<std::string> serverlessRepoCall(const model::Template& templ,
                                              const ParameterValues& params);

// The template error SAM's ServerlessAppPlugin raises before any resource is transformed: an
// Fn::FindInMap in a Location its mappings resolver refuses. It ends the transform; the
// Serverless Application Repository calls for applications before it then change nothing (they
// are either made or refused per application), unless AWS itself fails them.
std::optional<SamProblem> serverlessRepoPluginProblem(const model::Template& templ,
                                                      const ParameterValues& params);

// SAM's rejections of one application, given its properties; at most one (a problem found by
// the plugin for an earlier application with the same Location names that application).
void validateApplication(const model::Template& templ, const model::ResourceView& resource,
                         const ParameterValues& params, const model::Node& props,
                         std::vector<SamProblem>& out);

// The reserved tag keys SamResourceMacro._construct_tag_list refuses in `Tags`, in the order it
// checks them.
inline constexpr const char* kReservedTagKeys[] = {
    "lambda:createdBy", "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"};

}  // namespace samshift::sam
