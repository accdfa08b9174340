#include "expand/graphql/graphql_values.h"

#include "expand/builders.h"
#include "expand/pass_through.h"
#include "sam/deployment_model.h"

namespace samshift::expand {

using model::Node;

bool graphQLGiven(const Node* value) { return value && !value->isNull(); }
bool graphQLTruthy(const Node* value) { return value && sam::pythonTruthy(*value); }

Node appSyncAssumeRolePolicy() {
  Node statement = map({{"Action", seq({str("sts:AssumeRole")})},
                        {"Effect", str("Allow")},
                        {"Principal", map({{"Service", seq({str("appsync.amazonaws.com")})}})}});
  return map({{"Version", str("2012-10-17")}, {"Statement", seq({statement})}});
}

void addGraphQLResource(ExpandContext& ctx, const model::ResourceView& api, const std::string& id,
                        const std::string& type, Node properties) {
  Node generated = allAttributesResource(type, api);
  generated.set("Properties", std::move(properties));
  ctx.add(id, std::move(generated));
}

}  // namespace samshift::expand
