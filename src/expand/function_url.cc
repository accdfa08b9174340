// FunctionUrlConfig: `<Function>Url` targeting the alias (or function) and, for AuthType NONE,
// the two public permissions (docs/sam-semantics.md §8.2).

#include "expand/builders.h"
#include "expand/function_state.h"

namespace samshift::expand {

using model::Node;

void emitFunctionUrl(ExpandContext& ctx, FunctionState& fn) {
  const Node* config = fn.property("FunctionUrlConfig");
  if (!config) return;
  if (!config->isMapping()) {
    ctx.notSupported("a FunctionUrlConfig that is not a map in function " + fn.id);
    return;
  }
  Node props = map({{"TargetFunctionArn", fn.target()}});
  for (const model::MapEntry& entry : config->entries()) {
    const std::string& key = entry.key.text();
    if (key == "Cors") {
      bool ok = entry.value.isMapping();
      for (const model::MapEntry& cors :
           ok ? entry.value.entries() : std::vector<model::MapEntry>{}) {
        const std::string& name = cors.key.text();
        bool list = name == "AllowHeaders" || name == "AllowMethods" || name == "AllowOrigins" ||
                    name == "ExposeHeaders";
        ok = ok && ((list && cors.value.isSequence()) || (name == "MaxAge" && cors.value.isInt()) ||
                    (name == "AllowCredentials" && cors.value.isBool()));
      }
      if (!ok) ctx.notSupported("FunctionUrlConfig.Cors of function " + fn.id);
      props.set(key, entry.value);
    } else if (key == "AuthType" || key == "InvokeMode") {
      props.set(key, entry.value);
    } else {
      ctx.notSupported("FunctionUrlConfig." + key + " of function " + fn.id);
    }
  }
  ctx.add(fn.id + "Url", makeResource("AWS::Lambda::Url", props, fn.pass));
  const Node* auth = config->get("AuthType");
  if (!auth || !auth->isString("NONE")) {
    if (!auth || !auth->isString("AWS_IAM"))
      ctx.notSupported("FunctionUrlConfig.AuthType of function " + fn.id);
    return;
  }
  ctx.add(fn.id + "UrlPublicPermissions",
          makeResource("AWS::Lambda::Permission",
                       map({{"Action", str("lambda:InvokeFunctionUrl")},
                            {"FunctionName", fn.target()},
                            {"Principal", str("*")},
                            {"FunctionUrlAuthType", str("NONE")}}),
                       fn.pass));
  ctx.add(fn.id + "URLInvokeAllowPublicAccess",
          makeResource("AWS::Lambda::Permission",
                       map({{"Action", str("lambda:InvokeFunction")},
                            {"FunctionName", fn.target()},
                            {"Principal", str("*")},
                            {"InvokedViaFunctionUrl", Node::boolean(true)}}),
                       fn.pass));
}

}  // namespace samshift::expand
