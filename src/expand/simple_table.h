#pragma once
// AWS::Serverless::SimpleTable → AWS::DynamoDB::Table under the same logical ID
// (samtranslator/model/sam_resources.py SamSimpleTable._construct_dynamodb_table).

#include "expand/context.h"
#include "model/template.h"

namespace samshift::expand {

void expandSimpleTable(ExpandContext& ctx, const model::ResourceView& resource);

}  // namespace samshift::expand
