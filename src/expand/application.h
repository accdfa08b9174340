#pragma once
// AWS::Serverless::Application → AWS::CloudFormation::Stack under the same logical ID
// (samtranslator/model/sam_resources.py SamApplication._construct_nested_stack), for a Location
// URL. A Location naming a Serverless Application Repository application makes SAM ask AWS for
// the TemplateURL (sam::serverlessRepoCall): not expanded.

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandApplication(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
