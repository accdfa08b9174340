// SAM's policy templates and managed policy map (src/sam/data/, SAM v1.110.0) as src/sam reads
// them, SAM's expansion and rejections of a template, its reading of `Policies` entries, and
// what `expand` refuses rather than guess.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "expand/expander.h"
#include "model/template.h"
#include "sam/managed_policies.h"
#include "sam/parameter_values.h"
#include "sam/policies.h"
#include "sam/policy_templates.h"
#include "test_support.h"

using namespace samshift;
using model::Node;

namespace {

Node parse(const std::string& yaml) { return testing::parseYaml(yaml); }

// The template with each parameter given the value `<Name>`.
Node instantiateWithNames(const sam::PolicyTemplate& policyTemplate) {
  Node values = Node::mapping();
  for (const std::string& parameter : policyTemplate.parameters)
    values.set(parameter, Node::string("<" + parameter + ">"));
  std::optional<Node> document = sam::instantiatePolicyTemplate(policyTemplate, values);
  REQUIRE(document);
  return *document;
}

// Every `Ref` target and every other string of a document.
void collectStrings(const Node& node, std::set<std::string>& refs, std::set<std::string>& strings) {
  if (node.isIntrinsic() && node.intrinsicName() == "Ref" && node.intrinsicArgument().isString())
    refs.insert(node.intrinsicArgument().text());
  else if (node.isString())
    strings.insert(node.text());
  for (const model::MapEntry& entry : node.entries()) collectStrings(entry.value, refs, strings);
  for (const Node& item : node.items()) collectStrings(item, refs, strings);
}

// Why `expand` gives up on the template, or "" when it does not.
std::string unsupported(const std::string& yaml, const char* region = "us-east-1") {
  Node root = parse(yaml);
  model::Template templ(root);
  sam::ParameterValues params(templ, {}, region);
  expand::ExpandResult result = expand::expandTemplate(root, params);
  CHECK(result.errors.empty());
  return result.unsupported.value_or("");
}

std::string functionWithPolicies(const std::string& policies) {
  return "Conditions:\n  C: !Equals [a, b]\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
         "    Properties:\n      CodeUri: s3://b/k\n      Handler: h\n      Runtime: r\n"
         "      Policies:\n" +
         policies;
}

}  // namespace

TEST_CASE("all 81 policy templates of SAM parse, each with its statements", "[sam][policies]") {
  const auto& templates = sam::policyTemplates();
  REQUIRE(templates.size() == 81);
  for (const sam::PolicyTemplate& policyTemplate : templates) {
    INFO(policyTemplate.name);
    CHECK((policyTemplate.name.ends_with("Policy") || policyTemplate.name.ends_with("Policy_v2")));
    Node document = instantiateWithNames(policyTemplate);
    const Node* statements = document.get("Statement");
    REQUIRE(statements);
    CHECK(document.size() == 1);
    CHECK(statements->isSequence());
    CHECK_FALSE(statements->items().empty());
    CHECK(sam::findPolicyTemplate(policyTemplate.name) == &policyTemplate);
  }
  CHECK(sam::findPolicyTemplate("DynamoDBCrudPolicy")->parameters ==
        std::vector<std::string>{"TableName"});
  CHECK(sam::findPolicyTemplate("EFSWriteAccessPolicy")->parameters ==
        std::vector<std::string>{"AccessPoint", "FileSystem"});
  CHECK(sam::findPolicyTemplate("AMIDescribePolicy")->parameters.empty());
  CHECK(sam::findPolicyTemplate("DynamoDBCrudPolicies") == nullptr);
}

TEST_CASE("every parameter a policy template uses is declared, and every declared one used",
          "[sam][policies]") {
  for (const sam::PolicyTemplate& policyTemplate : sam::policyTemplates()) {
    INFO(policyTemplate.name);
    std::set<std::string> refs;
    std::set<std::string> strings;
    collectStrings(instantiateWithNames(policyTemplate), refs, strings);
    // A `Ref` to anything else would be left as SAM's renamed `___SAM_POLICY_PARAMETER_X`.
    CHECK(refs.empty());
    for (const std::string& parameter : policyTemplate.parameters)
      CHECK(strings.count("<" + parameter + ">") == 1);
  }
}

TEST_CASE("a policy template expands as SAM's does", "[sam][policies]") {
  const sam::PolicyTemplate& lambdaInvoke = *sam::findPolicyTemplate("LambdaInvokePolicy");
  SECTION("the value replaces the parameter's Ref; values it does not declare are ignored") {
    Node values = parse("{FunctionName: !Ref Target, Unused: 1}");
    REQUIRE_FALSE(sam::policyTemplateRejection(lambdaInvoke, values));
    auto document = sam::instantiatePolicyTemplate(lambdaInvoke, values);
    REQUIRE(document);
    CHECK(document->sameValue(parse(
        "Statement:\n"
        "  - Action: [lambda:InvokeFunction]\n"
        "    Effect: Allow\n"
        "    Resource: {Fn::Sub: ['arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:"
        "function:${functionName}*', {functionName: {Ref: Target}}]}\n")));
  }
  SECTION("an unresolved cross-stack placeholder keeps SAM's renamed Ref") {
    auto document = sam::instantiatePolicyTemplate(
        lambdaInvoke,
        parse("{FunctionName: '{{IntrinsicFunction:other/Stack.Outputs.Fn/Fn::GetAtt}}'}"));
    REQUIRE(document);
    const Node& sub = document->get("Statement")->items()[0].get("Resource")->intrinsicArgument();
    CHECK(sub.items()[1]
              .get("functionName")
              ->sameValue(parse("{Ref: ___SAM_POLICY_PARAMETER_FunctionName}")));
  }
  SECTION("a value naming SAM's internal parameter name is not expanded (SAM recurses on it)") {
    CHECK_FALSE(sam::instantiatePolicyTemplate(
        lambdaInvoke,
        parse("{FunctionName: {Fn::Join: ['', [{Ref: ___SAM_POLICY_PARAMETER_FunctionName}]]}}")));
  }
}

TEST_CASE("SAM's rejections of policy template values, with its messages", "[sam][policies]") {
  const sam::PolicyTemplate& poller = *sam::findPolicyTemplate("SQSPollerPolicy");
  const std::string invalid =
      "Must specify valid parameter values for policy template 'SQSPollerPolicy'";
  CHECK(sam::policyTemplateRejection(poller, parse("queue")) == invalid);
  CHECK(sam::policyTemplateRejection(poller, Node::null()) == invalid);
  CHECK(sam::policyTemplateRejection(poller, parse("[queue]")) == invalid);
  CHECK(sam::policyTemplateRejection(poller, parse("{}")) ==
        "Following required parameters of template 'SQSPollerPolicy' don't have values: "
        "['QueueName']");
  // A Ref is a map of one key, `Ref`: the parameter is missing.
  CHECK(sam::policyTemplateRejection(poller, parse("!Ref Queue")) ==
        "Following required parameters of template 'SQSPollerPolicy' don't have values: "
        "['QueueName']");
  CHECK(sam::policyTemplateRejection(*sam::findPolicyTemplate("DynamoDBStreamReadPolicy"),
                                     parse("{}")) ==
        "Following required parameters of template 'DynamoDBStreamReadPolicy' don't have values: "
        "['StreamName', 'TableName']");
  CHECK_FALSE(
      sam::policyTemplateRejection(*sam::findPolicyTemplate("AMIDescribePolicy"), parse("{}")));
}

TEST_CASE("SAM's kinds of Policies entries, and its rejections of an Fn::If", "[sam][policies]") {
  using sam::PolicyKind;
  CHECK(sam::policyKind(parse("AWSLambdaExecute")) == PolicyKind::kManagedPolicy);
  CHECK(sam::policyKind(parse("!Sub arn:${AWS::Partition}:iam::aws:policy/X")) ==
        PolicyKind::kManagedPolicy);
  CHECK(sam::policyKind(parse("{Statement: []}")) == PolicyKind::kStatement);
  CHECK(sam::policyKind(parse("{SQSPollerPolicy: {QueueName: q}}")) == PolicyKind::kTemplate);
  CHECK(sam::policyKind(parse("{SQSPollerPolicies: {QueueName: q}}")) == PolicyKind::kUnknown);
  CHECK(sam::policyKind(parse("!If [C, {SQSPollerPolicy: {QueueName: q}}, !Ref AWS::NoValue]")) ==
        PolicyKind::kTemplate);
  CHECK_FALSE(sam::policyKind(parse("!If [C, AWSLambdaExecute, {Statement: []}]")));

  Node ifTwo = parse("[!If [C, AWSLambdaExecute]]");
  auto problems = sam::policyProblems(&ifTwo);
  REQUIRE(problems.size() == 1);
  CHECK(sam::samMessage(problems[0], "F") ==
        "Structure of the SAM template is invalid. Fn::If requires 3 arguments");
  CHECK(problems[0].node == &ifTwo.items()[0]);

  // SAM reads every entry's kind before it expands a template.
  Node mixed = parse("[{SQSPollerPolicy: {}}, !If [C, AWSLambdaExecute, {Statement: []}]]");
  problems = sam::policyProblems(&mixed);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message ==
        "Structure of the SAM template is invalid. Different policy types within the same Fn::If "
        "statement is "
        "unsupported. Separate different policy types into different Fn::If statements");

  Node inBranch = parse("[!If [C, {SQSPollerPolicy: {QueueName: q}}, {SQSPollerPolicy: null}]]");
  problems = sam::policyProblems(&inBranch);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "policy-template-values");

  Node unknown = parse("[AWSLambdaRole, {Foo: 1, Bar: 2}]");
  CHECK(sam::policyProblems(&unknown).empty());
  problems = sam::policyEntryProblems(&unknown);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "Policy at index 1 in the 'Policies' property is not valid");

  // Python-false values have no entries.
  for (const char* falsy : {"''", "[]", "{}", "null"}) {
    Node value = parse(falsy);
    CHECK(sam::policyEntries(&value).empty());
  }
}

TEST_CASE("managed policy names through SAM's bundled map", "[sam][policies]") {
  CHECK(sam::bundledManagedPolicyArn("aws", "AWSLambdaExecute") ==
        "arn:aws:iam::aws:policy/AWSLambdaExecute");
  CHECK(sam::bundledManagedPolicyArn("aws-cn", "AWSLambdaMSKExecutionRole") ==
        "arn:aws-cn:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole");
  CHECK(sam::bundledManagedPolicyArn("aws-us-gov", "AWSLambdaRole") ==
        "arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaRole");
  CHECK(sam::bundledManagedPolicyArn("aws-eusc", "AmazonS3FullAccess") ==
        "arn:aws-eusc:iam::aws:policy/AmazonS3FullAccess");
  CHECK_FALSE(sam::bundledManagedPolicyArn("aws", "AnyNonOfficialManagedPolicy"));
  // SAM bundles no map for the isolated partitions: it asks IAM there.
  CHECK_FALSE(sam::bundledManagedPolicyArn("aws-iso", "AWSLambdaExecute"));

  CHECK(sam::managedPolicyGrants("AWSLambdaRole") ==
        std::vector<std::string_view>{"lambda:InvokeFunction"});
  CHECK(sam::managedPolicyGrants("AWSLambdaBasicExecutionRole") == std::vector<std::string_view>{});
  CHECK_FALSE(sam::managedPolicyGrants("team-policy"));
}

TEST_CASE("the scan of the managed policy map agrees with a JSON parser on every entry",
          "[sam][policies]") {
  rapidjson::Document document;
  document.Parse(testing::readFile("src/sam/data/aws_managed_policies.json").c_str());
  REQUIRE_FALSE(document.HasParseError());
  size_t entries = 0;
  for (const auto& partition : document.GetObject()) {
    for (const auto& policy : partition.value.GetObject()) {
      INFO(partition.name.GetString() << " " << policy.name.GetString());
      CHECK(sam::bundledManagedPolicyArn(partition.name.GetString(), policy.name.GetString()) ==
            std::string_view(policy.value.GetString()));
      ++entries;
    }
  }
  CHECK(entries == 3605);
}

TEST_CASE("expand refuses the policies whose output SAM decides elsewhere",
          "[sam][policies][expand]") {
  const std::string unknownName = "        - AnyNonOfficialManagedPolicy\n";
  // SAM asks IAM for a name its bundled map lacks; IAM lists the same AWS managed policies, so the
  // name stays as written. Without a bundled map (the isolated partitions) SAM asks IAM for all.
  CHECK(unsupported(functionWithPolicies(unknownName)).empty());
  CHECK(sam::managedPolicyArnOfName("aws", "AnyNonOfficialManagedPolicy") ==
        "AnyNonOfficialManagedPolicy");
  CHECK(sam::managedPolicyArnOfName("aws-cn", "AWSLambdaExecute") ==
        "arn:aws-cn:iam::aws:policy/AWSLambdaExecute");
  CHECK_FALSE(sam::managedPolicyArnOfName("aws-iso", "AWSLambdaExecute"));
  CHECK(sam::managedPolicyArnOfName("aws-iso", "arn:aws-iso:iam::1:policy/p") ==
        "arn:aws-iso:iam::1:policy/p");
  CHECK(unsupported(functionWithPolicies(unknownName), "us-iso-east-1") ==
        "managed policy name AnyNonOfficialManagedPolicy of function F (no bundled list of "
        "SAM's for partition aws-iso: SAM asks IAM for it)");
  const std::string unknownInIf =
      "        - !If [C, AnyNonOfficialManagedPolicy, !Ref AWS::NoValue]\n";
  CHECK(unsupported(functionWithPolicies(unknownInIf), "us-iso-east-1")
            .starts_with("managed policy name AnyNonOfficialManagedPolicy"));
  // SAM's plugin fails on a template inside a nested Fn::If (an internal transform failure).
  const std::string nested =
      "        - !If [C, !If [C, {SQSPollerPolicy: {QueueName: q}}, !Ref AWS::NoValue],"
      " !Ref AWS::NoValue]\n";
  CHECK(unsupported(functionWithPolicies(nested)) ==
        "a policy template inside a nested Fn::If of function F");
  const std::string internalName =
      "        - SQSPollerPolicy: {QueueName: {Ref: ___SAM_POLICY_PARAMETER_QueueName}}\n";
  CHECK(unsupported(functionWithPolicies(internalName))
            .starts_with("values of policy template SQSPollerPolicy of function F"));
  const std::string known =
      "        - AWSLambdaMSKExecutionRole\n        - SQSPollerPolicy: {QueueName: q}\n";
  CHECK(unsupported(functionWithPolicies(known)).empty());
}
