// S3: a permission, and a LambdaConfigurations entry on the bucket (which must be in the
// template); a conditional function's entry is wrapped in Fn::If (docs/sam-semantics.md §8.1).

#include <algorithm>

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/events/rule_targets.h"
#include "expand/python_json.h"
#include "model/intrinsics.h"

namespace samshift::expand::events {

using model::Node;

void emitS3(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  requireKnown(ctx, event, "S3", {"Bucket", "Events", "Filter"});
  const Node* names = event.properties.get("Events");
  bool namesOk = names && (names->isString() || names->isSequence());
  if (names && names->isSequence()) {
    for (const Node& item : names->items()) namesOk = namesOk && item.isString();
  }
  if (!namesOk) ctx.notSupported("Events of S3 event " + event.id);
  std::string permissionId = event.id + "Permission";
  Node perm = permission(fn, "s3.amazonaws.com");
  perm.get("Properties")->set("SourceAccount", ref("AWS::AccountId"));
  ctx.add(permissionId, std::move(perm));

  const Node* bucketRef = event.properties.get("Bucket");
  auto bucketId = bucketRef ? model::refName(*bucketRef) : std::nullopt;
  Node* bucket = bucketId ? ctx.resource(std::string(*bucketId)) : nullptr;
  if (!bucket || !bucket->get("Type") || !bucket->get("Type")->isString("AWS::S3::Bucket")) {
    ctx.notSupported("S3 event " + event.id +
                     " whose Bucket is not an AWS::S3::Bucket of the template");
    return;
  }
  if (const Node* dependsOn = bucket->get("DependsOn")) {
    bool ok = dependsOn->isString() || dependsOn->isSequence();
    if (dependsOn->isSequence()) {
      for (const Node& item : dependsOn->items()) ok = ok && item.isString();
    }
    if (!ok) {
      ctx.notSupported("DependsOn of bucket " + std::string(*bucketId));
      return;
    }
  }
  Node* props = bucket->get("Properties");
  if (!props) props = &bucket->set("Properties", Node::mapping());
  bool shapeOk = props->isMapping();
  if (shapeOk) {
    const Node* n = props->get("NotificationConfiguration");
    const Node* l = n && n->isMapping() ? n->get("LambdaConfigurations") : nullptr;
    const Node* t = props->get("Tags");
    shapeOk = (!n || n->isMapping()) && (!l || l->isSequence()) && (!t || t->isSequence());
  }
  if (!shapeOk) {
    ctx.notSupported("the properties of bucket " + std::string(*bucketId));
    return;
  }
  if (const Node* tags = fn.propagatedTags()) {
    // PropagateTags tags the bucket too; merging with the bucket's own tags is not modelled.
    if (props->has("Tags") || fn.pass.condition) {
      ctx.notSupported("PropagateTags onto bucket " + std::string(*bucketId) +
                       " with Tags or a conditional function");
      return;
    }
    props->set("Tags", tagList(tags, false));
  }
  Node* notification = props->get("NotificationConfiguration");
  if (!notification) notification = &props->set("NotificationConfiguration", Node::mapping());
  Node* configurations = notification->get("LambdaConfigurations");
  if (!configurations)
    configurations = &notification->set("LambdaConfigurations", Node::sequence());

  Node target = fn.arn();
  const Node* eventsNode = event.properties.get("Events");
  Node list = Node::sequence();
  if (eventsNode && eventsNode->isSequence()) {
    list = *eventsNode;
  } else if (eventsNode) {
    list.push(*eventsNode);
  }
  // An identical configuration already on the bucket is not added twice (SAM's `not in`); the
  // bucket's configurations are known by their JSON, as a bucket may take thousands of events.
  auto [known, first] = ctx.s3LambdaConfigurations.try_emplace(std::string(*bucketId));
  if (first) {
    for (const Node& existing : configurations->items()) known->second.insert(pythonJson(existing));
  }
  for (const Node& name : list.items()) {
    Node config = map({{"Event", name}, {"Function", target}});
    if (const Node* filter = givenProperty(event.properties, "Filter"))
      config.set("Filter", *filter);
    if (fn.pass.condition) {
      config = intrinsic("Fn::If", seq({*fn.pass.condition, config, ref("AWS::NoValue")}));
    }
    if (known->second.insert(pythonJson(config)).second) configurations->push(std::move(config));
  }
  if (fn.pass.condition) {
    Node* tags = props->get("Tags");
    if (!tags) tags = &props->set("Tags", Node::sequence());
    tags->push(map({{"Key", str("sam:ConditionalDependsOn:" + permissionId)},
                    {"Value", intrinsic("Fn::If", seq({*fn.pass.condition, ref(permissionId),
                                                       str("no dependency")}))}}));
  } else {
    Node* dependsOn = bucket->get("DependsOn");
    if (!dependsOn) {
      dependsOn = &bucket->set("DependsOn", Node::sequence());
    } else if (dependsOn->isString()) {
      *dependsOn = seq({*dependsOn});
    }
    dependsOn->push(str(permissionId));
  }
}

}  // namespace samshift::expand::events
