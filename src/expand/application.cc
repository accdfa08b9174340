#include "expand/application.h"

#include "expand/builders.h"
#include "expand/pass_through.h"
#include "expand/tag_list.h"

namespace samshift::expand {

using model::Node;

void expandApplication(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  const Node& props = resource.propertiesMapping();  // SAM has no Globals for applications
  const Node* location = props.get("Location");
  if (!location || !location->isString()) {  // sam::validateApplication or serverlessRepoCall
    ctx.notSupported("Location of application " + id);
    return;
  }
  auto given = [&](const char* name) -> const Node* {
    const Node* value = props.get(name);
    return value && !value->isNull() ? value : nullptr;
  };
  // NestedStack.property_types order; the plugin made the Location its TemplateUrl.
  Node out = Node::mapping();
  out.set("TemplateURL", *location);
  for (const char* name : {"Parameters", "NotificationARNs"}) {
    if (const Node* value = given(name)) out.set(name, *value);
  }
  Node tags = seq({map({{"Key", str("lambda:createdBy")}, {"Value", str("SAM")}})});
  if (const Node* user = given("Tags"); user && user->isMapping()) {
    Node userTags = tagListOf(*user);
    for (const Node& tag : userTags.items()) tags.push(tag);
  }
  out.set("Tags", std::move(tags));
  if (const Node* timeout = given("TimeoutInMinutes")) out.set("TimeoutInMinutes", *timeout);
  // Type, DependsOn, then only the pass-through attributes (get_passthrough_resource_attributes):
  // UpdatePolicy and Metadata are dropped.
  Node stack = passThroughResource("AWS::CloudFormation::Stack", resource);
  stack.set("Properties", std::move(out));
  ctx.add(id, std::move(stack));
}

}  // namespace samshift::expand
