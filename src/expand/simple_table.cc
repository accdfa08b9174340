#include "expand/simple_table.h"

#include "expand/builders.h"
#include "expand/pass_through.h"
#include "expand/tag_list.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/simple_table.h"

namespace samshift::expand {

using model::Node;

void expandSimpleTable(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  std::optional<sam::SimpleTableKey> key = sam::simpleTableKey(props);
  if (!key) {  // sam::validateSimpleTable rejected it before expand runs
    ctx.notSupported("PrimaryKey of SimpleTable " + id);
    return;
  }
  auto truthy = [&](const char* name) -> const Node* {
    const Node* value = props.get(name);
    return value && sam::pythonTruthy(*value) ? value : nullptr;
  };
  // DynamoDBTable.property_types order.
  Node out = Node::mapping();
  out.set("AttributeDefinitions", seq({map({{"AttributeName", key->attributeName},
                                            {"AttributeType", str(key->attributeType)}})}));
  out.set("KeySchema",
          seq({map({{"AttributeName", key->attributeName}, {"KeyType", str("HASH")}})}));
  for (const char* name :
       {"PointInTimeRecoverySpecification", "ProvisionedThroughput", "TableName"}) {
    if (const Node* value = truthy(name)) out.set(name, *value);
  }
  // A mapping (sam::validateSimpleTable); one key that looks like an intrinsic is a tag too.
  if (const Node* tags = truthy("Tags"); tags && tags->isMapping())
    out.set("Tags", tagListOf(*tags));
  if (const Node* sse = truthy("SSESpecification")) out.set("SSESpecification", *sse);
  if (!truthy("ProvisionedThroughput")) out.set("BillingMode", str("PAY_PER_REQUEST"));
  Node table = allAttributesResource("AWS::DynamoDB::Table", resource);
  table.set("Properties", std::move(out));
  ctx.add(id, std::move(table));
}

}  // namespace samshift::expand
