// Cognito: SAM sets each trigger in the user pool's LambdaConfig to the function (or alias) and
// lets cognito-idp.amazonaws.com invoke it (push.py Cognito; docs/sam-semantics.md §8.1).

#include "expand/builders.h"
#include "expand/events/event.h"
#include "model/intrinsics.h"
#include "sam/cognito_user_pool.h"

namespace samshift::expand::events {

using model::Node;

void emitCognito(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  // src/sam (push_events.cc) has checked that UserPool is a Ref to a resource of the template,
  // that its LambdaConfig is a map and that no trigger is set twice.
  auto poolRef = model::refName(*event.properties.get("UserPool"));
  std::string poolId(poolRef ? *poolRef : "");
  Node* pool = ctx.resource(poolId);
  const Node* type = pool ? pool->get("Type") : nullptr;
  if (!type || !type->isString("AWS::Cognito::UserPool")) {
    // SAM re-reads whatever it finds as a user pool (and writes that type).
    ctx.notSupported("Cognito event " + event.id +
                     " whose UserPool is not an "
                     "AWS::Cognito::UserPool");
    return;
  }
  Node* props = pool->get("Properties");
  if (!props || props->isNull()) props = &pool->set("Properties", Node::mapping());
  if (!props->isMapping()) {
    ctx.notSupported("the Properties of user pool " + poolId);
    return;
  }
  for (const model::MapEntry& entry : props->entries()) {
    // SAM re-reads the pool with its CognitoUserPool model: it rejects a property the model does
    // not declare (src/sam reports it), and drops a null one.
    if (!entry.key.isString() || !sam::cognitoUserPoolProperty(entry.key.text()) ||
        entry.value.isNull()) {
      ctx.notSupported("property " + entry.key.text() + " of user pool " + poolId +
                       " with a Cognito event");
      return;
    }
  }
  Node* config = props->get("LambdaConfig");
  if (!config) config = &props->set("LambdaConfig", Node::mapping());
  const Node* trigger = event.properties.get("Trigger");
  std::vector<Node> triggers;
  if (trigger->isString()) triggers.push_back(*trigger);
  if (trigger->isSequence()) triggers = trigger->items();
  for (const Node& name : triggers) config->set(name.text(), fn.arn());

  // Named after what the event targets: the alias when there is one.
  std::string permissionId = (fn.aliasId ? *fn.aliasId : fn.id) + "CognitoPermission";
  Node perm = permission(fn, "cognito-idp.amazonaws.com");
  perm.get("Properties")->set("SourceArn", getAtt(poolId, "Arn"));
  ctx.add(permissionId, std::move(perm));
}

void emitAlexaSkill(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  Node perm = permission(fn, "alexa-appkit.amazon.com");
  const Node* skill = event.properties.get("SkillId");
  if (skill && !skill->isNull()) perm.get("Properties")->set("EventSourceToken", *skill);
  ctx.add(event.id + "Permission", std::move(perm));
}

}  // namespace samshift::expand::events
