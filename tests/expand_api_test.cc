// API Gateway expansion: the Python 2.7 dict order and str() that SAM hashes for a REST API's
// Deployment (src/expand/api/py_object.h), checked against hashes of the SAM translator's own
// outputs, and the resources of one implicit API per partition.

#include <catch2/catch.hpp>

#include "expand/api/api_state.h"
#include "expand/api/py_object.h"
#include "expand/api/swagger.h"
#include "expand/expander.h"
#include "expand/version_hash.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "test_support.h"

using namespace samshift;
using expand::api::Py27KeyOrder;
using expand::api::PyObject;
using model::Node;

namespace {

std::vector<std::string> orderOf(std::initializer_list<const char*> keys) {
  Py27KeyOrder order;
  for (const char* key : keys) order.add(key);
  return order.keys();
}

std::string repr(const PyObject& object) {
  bool ok = true;
  std::string text = object.repr(ok);
  REQUIRE(ok);
  return text;
}

// The swagger SAM builds for one aws_proxy integration (function_with_disabled_traffic_hook).
PyObject swaggerFor(const std::string& partition) {
  PyObject body = expand::api::swaggerSkeleton();
  PyObject uri = PyObject::dict(true);
  uri.set("Fn::Sub", PyObject::str("arn:" + partition +
                                   ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                                   "${FunctionAliaslive}/invocations"));
  expand::api::addLambdaIntegration(body, "/test", expand::api::methodKey("get"), std::move(uri));
  return body;
}

const Node* findPrefixed(const Node& resources, const std::string& prefix, std::string& id) {
  for (const model::MapEntry& entry : resources.entries()) {
    if (entry.key.text().rfind(prefix, 0) == 0) {
      id = entry.key.text();
      return &entry.value;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Python 2.7 dict iteration order", "[expand][api]") {
  CHECK(orderOf({"AddItem", "CompleteItem", "GetList"}) ==
        std::vector<std::string>{"GetList", "AddItem", "CompleteItem"});
  CHECK(orderOf({"a", "b", "c", "d", "e", "f"}) ==
        std::vector<std::string>{"a", "c", "b", "e", "d", "f"});
  // The sixth key grows the table from 8 to 32 slots, which reorders the first five.
  CHECK(orderOf({"type", "httpMethod", "uri", "responses", "credentials"}) ==
        std::vector<std::string>{"httpMethod", "type", "uri", "credentials", "responses"});
  CHECK(orderOf({"type", "httpMethod", "uri", "responses", "credentials", "requestTemplates"}) ==
        std::vector<std::string>{"responses", "uri", "httpMethod", "requestTemplates",
                                 "credentials", "type"});
}

TEST_CASE("Python 2.7 dict order after deletes", "[expand][api]") {
  // SAM's Py27Keys leaves a dummy in a deleted key's slot; later keys probe past it or reuse it.
  Py27KeyOrder order;
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}) order.add(key);
  for (const char* key : {"b", "d", "f"}) order.remove(key);
  for (const char* key : {"k", "b", "zz", "yy"}) order.add(key);
  CHECK(order.keys() ==
        std::vector<std::string>{"a", "c", "b", "e", "g", "i", "h", "k", "j", "yy", "zz"});
  CHECK(order.size() == 11);
  CHECK(order.find("d") == Py27KeyOrder::kAbsent);
}

// Nineteen keys whose order copy.deepcopy changes: a tail of two copies, then a cycle of ten
// (orders from SAM's Py27Keys).
const std::vector<std::string> kCycling = {
    "/p55",  "/p467", "/p921", "/p891", "/p798", "/p974", "/p895", "/p696", "/p817", "/p572",
    "/p401", "/p407", "/p408", "/p403", "/p106", "/p493", "/p649", "/p410", "/p63"};

std::vector<std::string> orderAfterCopies(std::vector<uint64_t> rounds) {
  Py27KeyOrder order;
  for (const std::string& key : kCycling) order.add(key);
  for (uint64_t copies : rounds) {
    order.deepcopied(copies);
    order.keys();  // applies them
  }
  return order.keys();
}

TEST_CASE("deep copies reorder a Python 2.7 dict as SAM's copy.deepcopy does", "[expand][api]") {
  // The order after so many copies (SAM's Py27Keys), and runs of copies that add up to them:
  // 1,001 is far past where the cycle is found.
  struct Case {
    std::vector<std::vector<uint64_t>> runs;
    const char* order;
  };
  const Case cases[] = {
      {{{}},
       "/p493 /p572 /p817 /p974 /p891 /p410 /p895 /p649 /p467 /p106 /p63 /p403 /p798 /p55 /p407 "
       "/p408 /p921 /p696 /p401"},
      {{{1}},
       "/p798 /p572 /p493 /p817 /p891 /p55 /p895 /p467 /p63 /p106 /p403 /p974 /p696 /p649 /p408 "
       "/p921 /p410 /p407 /p401"},
      {{{2}, {1, 1}},
       "/p572 /p493 /p817 /p891 /p921 /p410 /p895 /p649 /p467 /p63 /p106 /p798 /p55 /p974 /p408 "
       "/p696 /p403 /p407 /p401"},
      {{{3}},
       "/p572 /p493 /p817 /p403 /p891 /p974 /p895 /p467 /p63 /p106 /p798 /p55 /p696 /p649 /p408 "
       "/p921 /p410 /p407 /p401"},
      {{{1001}, {1000, 1}, {7, 994}},
       "/p572 /p493 /p817 /p403 /p891 /p55 /p895 /p467 /p63 /p106 /p798 /p974 /p696 /p649 /p408 "
       "/p921 /p410 /p407 /p401"},
  };
  for (const Case& c : cases) {
    for (const std::vector<uint64_t>& runs : c.runs) {
      std::string order;
      for (const std::string& key : orderAfterCopies(runs))
        order += (order.empty() ? "" : " ") + key;
      INFO("runs of copies: " << runs.size());
      CHECK(order == c.order);
    }
  }
}

TEST_CASE("a copy of a body reaches the dicts inside it when they are next read", "[expand][api]") {
  PyObject body = PyObject::dict(true);
  PyObject& paths = body.set("paths", PyObject::dict(true));
  for (const std::string& key : kCycling) paths.set(key, PyObject::dict(true), true);
  body.deepcopy(1000);
  body.get("paths")->set("/p63", PyObject::str("x"));  // an existing key: no reordering
  body.deepcopy();
  std::string text = repr(body);
  std::string expected = "{'paths': {";
  for (const char* key :
       {"/p572", "/p493", "/p817", "/p403", "/p891", "/p55", "/p895", "/p467", "/p63", "/p106",
        "/p798", "/p974", "/p696", "/p649", "/p408", "/p921", "/p410", "/p407", "/p401"}) {
    expected += std::string(expected.back() == '{' ? "" : ", ") + "u'" + key +
                "': " + (key == std::string("/p63") ? "'x'" : "{}");
  }
  CHECK(text == expected + "}}");
}

TEST_CASE("str() of SAM's Python objects", "[expand][api]") {
  CHECK(repr(expand::api::swaggerSkeleton()) ==
        "{'info': {'version': '1.0', 'title': {'Ref': 'AWS::StackName'}}, 'paths': {}, 'swagger': "
        "'2.0'}");
  CHECK(repr(PyObject::str("a'b", true)) == "u\"a'b\"");
  CHECK(repr(PyObject::str("a'b\"", true)) == "u'a\\'b\"'");
  CHECK(repr(PyObject::str("\xc3\xa9\xe2\x80\x98\n\\", true)) == "u'\\xe9\\u2018\\n\\\\'");
  CHECK(repr(PyObject::fromTemplate(
            load::loadText("t.yaml", "{b: [1, 2.5, true, null], a: x}").root)) ==
        "{u'a': u'x', u'b': [1, 2.5, True, None]}");
  bool ok = true;
  PyObject::str("\xc3\xa9").repr(ok);
  CHECK_FALSE(ok);  // a non-ASCII str SAM's own code wrote is not modelled
}

TEST_CASE("Deployment hashes of the SAM translator's outputs", "[expand][api]") {
  // function_with_disabled_traffic_hook: ServerlessRestApiDeployment<hash> per partition.
  CHECK(expand::sha1Hex(repr(swaggerFor("aws"))) == "0e07dd5b7f2251dbc336532c5e3bc7518feead5e");
  CHECK(expand::sha1Hex(repr(swaggerFor("aws-cn"))) == "e37a6dc25c3196733b0aa6c46749485fab444ab1");
  CHECK(expand::sha1Hex(repr(swaggerFor("aws-us-gov"))) ==
        "0cc4766f880e230c48f8b0ff59d3a7eff33b11d9");
}

TEST_CASE("an implicit REST API per partition", "[expand][api]") {
  std::string text =
      "Resources:\n"
      "  Fn:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      CodeUri: s3://b/k\n"
      "      Handler: h\n"
      "      Runtime: python3.12\n"
      "      AutoPublishAlias: live\n"
      "      Events:\n"
      "        Get:\n"
      "          Type: Api\n"
      "          Properties:\n"
      "            Path: /items/{id}/\n"
      "            Method: ANY\n";
  model::Document document = load::loadText("t.yaml", text);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  for (const char* region : {"us-east-1", "cn-north-1"}) {
    sam::ParameterValues params(templ, {}, region);
    expand::ExpandResult result = expand::expandTemplate(document.root, params);
    REQUIRE_FALSE(result.unsupported.has_value());
    REQUIRE(result.errors.empty());
    const Node& resources = *result.output.get("Resources");
    std::string partition = params.partition();
    INFO(partition);
    const Node* perm = resources.get("FnGetPermissionProd");
    REQUIRE(perm);
    CHECK(perm->get("Properties")->get("FunctionName")->get("Ref")->text() == "FnAliaslive");
    const Node& sub = *perm->get("Properties")->get("SourceArn")->get("Fn::Sub");
    CHECK(sub.items()[0].text() ==
          "arn:" + partition +
              ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/*/items/*");
    const Node& api = *resources.get("ServerlessRestApi")->get("Properties");
    const Node& integration = *api.get("Body")
                                   ->get("paths")
                                   ->get("/items/{id}/")
                                   ->get("x-amazon-apigateway-any-method")
                                   ->get("x-amazon-apigateway-integration");
    CHECK(integration.get("uri")->get("Fn::Sub")->text() ==
          "arn:" + partition +
              ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FnAliaslive}/"
              "invocations");
    CHECK(api.has("EndpointConfiguration") == (partition == "aws-cn"));
    std::string deploymentId;
    const Node* deployment = findPrefixed(resources, "ServerlessRestApiDeployment", deploymentId);
    REQUIRE(deployment);
    std::string description = deployment->get("Properties")->get("Description")->text();
    CHECK(deploymentId ==
          "ServerlessRestApiDeployment" + description.substr(description.size() - 40, 10));
    CHECK(resources.get("ServerlessRestApiProdStage")
              ->get("Properties")
              ->get("DeploymentId")
              ->get("Ref")
              ->text() == deploymentId);
  }
}

TEST_CASE("more routes on one managed API than the cap are refused before any copying",
          "[expand][api][scale]") {
  // SAM's work on the implicit API grows with the square of its routes; samshift stops at a cap.
  std::string text =
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      CodeUri: s3://b/k\n      Handler: h\n      Runtime: python3.12\n      Events:\n";
  for (size_t i = 0; i <= expand::api::kMaxRoutesPerManagedApi; ++i) {
    text += "        E" + std::to_string(i) + ": {Type: Api, Properties: {Path: /p" +
            std::to_string(i) + ", Method: get}}\n";
  }
  CHECK(testing::expandUnsupported(text) ==
        "API Gateway: more than 4000 routes on ServerlessRestApi (SAM copies its whole "
        "definition for every route)");
}
