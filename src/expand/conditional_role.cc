// Which role a function runs with once its execution role is built: the generated one, or, for a
// `Role: !If [...]` with an `AWS::NoValue` branch, the generated one on that branch only
// (SAM's SamFunction.to_cloudformation and _make_lambda_role).

#include "expand/builders.h"
#include "expand/function_state.h"
#include "sam/policies.h"

namespace samshift::expand {

using model::Node;

namespace {

// A `Role: !If [Condition, A, B]`: SAM reads the branches with parameters resolved. The
// generated role goes where a branch is AWS::NoValue, under that branch's condition; without such
// a branch the function keeps its Role (resolved) and SAM drops the generated role.
void settleConditionalRole(ExpandContext& ctx, FunctionState& fn, const Node& written) {
  Node resolved = ctx.resolve(written);
  // validateSamResource has rejected an Fn::If without three arguments.
  const Node& args = resolved.intrinsicArgument();
  const Node& condition = args.items()[0];
  const Node& whenTrue = args.items()[1];
  const Node& whenFalse = args.items()[2];
  bool trueGenerated = sam::isNoValue(whenTrue);
  bool falseGenerated = sam::isNoValue(whenFalse);
  Node roleArn = getAtt(fn.roleId, "Arn");
  if (!trueGenerated && !falseGenerated) {
    // SAM resolved the function's own Role value in place.
    fn.lambdaProps.set("Role", resolved);
    fn.role = Node();
    return;
  }
  if (trueGenerated && falseGenerated) {
    fn.lambdaProps.set("Role", roleArn);
    return;
  }
  if (trueGenerated) {
    fn.lambdaProps.set("Role", intrinsic("Fn::If", seq({condition, roleArn, whenFalse})));
    fn.role.set("Condition", condition);
    return;
  }
  if (!condition.isString()) {
    // SAM names the negated condition with the value as Python prints it.
    ctx.notSupported("a conditional Role of function " + fn.id + " whose condition is not a name");
    return;
  }
  const Node* conditions = ctx.templ.conditions();
  if (!conditions || !conditions->isMapping()) {
    // SAM adds the negated condition to the template's Conditions and fails without them.
    ctx.notSupported("a conditional Role of function " + fn.id +
                     " in a template without Conditions (the SAM transform fails)");
    return;
  }
  std::string negated = "NOT" + condition.text();
  fn.lambdaProps.set("Role", intrinsic("Fn::If", seq({condition, whenTrue, roleArn})));
  fn.role.set("Condition", str(negated));
  ctx.extraConditions.set(negated, intrinsic("Fn::Not", seq({map({{"Condition", condition}})})));
}

}  // namespace

void settleExecutionRole(ExpandContext& ctx, FunctionState& fn) {
  if (!fn.role.isMapping()) return;
  const Node* written = fn.property("Role");
  if (written && written->isIntrinsic() && written->intrinsicName() == "Fn::If") {
    settleConditionalRole(ctx, fn, *written);
  } else {
    fn.lambdaProps.set("Role", getAtt(fn.roleId, "Arn"));
  }
}

}  // namespace samshift::expand
