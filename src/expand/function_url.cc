// FunctionUrlConfig: `<Function>Url` targeting the alias (or function) and, for AuthType NONE,
// the two public permissions (docs/sam-semantics.md §8.2).

#include "expand/builders.h"
#include "expand/function_state.h"
#include "sam/deployment_model.h"

namespace samshift::expand {

using model::Node;

void emitFunctionUrl(ExpandContext& ctx, FunctionState& fn) {
  const Node* config = fn.property("FunctionUrlConfig");
  // SAM makes no URL for a Python-false config; validateSamResource has rejected a non-map.
  if (!config || !config->isMapping() || !sam::pythonTruthy(*config)) return;
  // SAM's _construct_function_url copies Cors (when Python-true), AuthType and InvokeMode as
  // written and ignores other keys; a config that is an intrinsic has none of them.
  bool intrinsic = config->isIntrinsic();
  Node props = Node::mapping();
  if (const Node* cors = intrinsic ? nullptr : config->get("Cors");
      cors && sam::pythonTruthy(*cors))
    props.set("Cors", *cors);
  const Node* auth = intrinsic ? nullptr : config->get("AuthType");
  if (auth && !auth->isNull()) props.set("AuthType", *auth);
  props.set("TargetFunctionArn", fn.target());
  if (const Node* mode = intrinsic ? nullptr : config->get("InvokeMode"); mode && !mode->isNull())
    props.set("InvokeMode", *mode);
  ctx.add(fn.id + "Url", makeResource("AWS::Lambda::Url", props, fn.pass));
  // The public permissions only for AuthType NONE as written.
  if (!auth || !auth->isString("NONE")) return;
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
